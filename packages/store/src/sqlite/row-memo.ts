import type { RowParser } from "./rows";

/** How many parsed rows one memo keeps (the most recently read). */
const DEFAULT_CAPACITY = 2000;

interface Entry<T> {
  row: Record<string, unknown>;
  value: T;
}

const isRecord = (row: unknown): row is Record<string, unknown> =>
  typeof row === "object" && row !== null && !Array.isArray(row);

function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * A row parser that remembers what it parsed, by the row's `id`: a row read again with every column
 * unchanged returns the value parsed before instead of being parsed again (the parse is a function of
 * the row alone, so the result is the same; a row another connection changed differs in some column
 * and is parsed anew). A message is read back by every later turn's context, a conversation several
 * times per customer message. Values are frozen: a caller changing one would change every later read.
 */
export function rowMemo<T>(parser: RowParser<T>, capacity = DEFAULT_CAPACITY): RowParser<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    parse(row) {
      if (!isRecord(row) || typeof row.id !== "string") return parser.parse(row);
      const known = entries.get(row.id);
      if (known && sameRow(known.row, row)) {
        // Map order is insertion order: re-inserting keeps the most recently read rows last.
        entries.delete(row.id);
        entries.set(row.id, known);
        return known.value;
      }
      const value = deepFreeze(parser.parse(row));
      entries.delete(row.id);
      entries.set(row.id, { row, value });
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return value;
    },
  };
}
