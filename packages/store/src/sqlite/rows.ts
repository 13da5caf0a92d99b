import { z } from "zod";

/** Anything with a zod-style parse: row schemas are zod pipes ending in a contract schema. */
export interface RowParser<T> {
  parse(row: unknown): T;
}

/** Parses a row that may be missing: undefined (no row) becomes null, anything else must be valid. */
export function parseOptional<T>(parser: RowParser<T>, row: unknown): T | null {
  return row === undefined ? null : parser.parse(row);
}

/** SQLite stores booleans as 0/1. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/** True for SQLite's UNIQUE / PRIMARY KEY constraint errors. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
  );
}

/** A LIMIT parameter: a non-negative integer, or -1 (SQLite's "no limit") when the caller gave none. */
export function limitParam(limit: number | undefined): number {
  if (limit === undefined) return -1;
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(`limit must be a non-negative integer, got ${limit}`);
  return limit;
}

/** The row of a SELECT COUNT(*) AS n. */
export const CountRow = z.object({ n: z.number() });
