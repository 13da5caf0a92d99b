// uuid v6 counts 100 ns intervals since the Gregorian calendar began (1582-10-15).
const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;

/**
 * The smallest LangGraph checkpoint id (a uuid v6, whose text sorts by time) that can have been made
 * at or after `at`: checkpoints with a smaller id were written before it.
 */
export function checkpointIdAtOrAfter(at: Date): string {
  const ms = BigInt(Math.max(0, at.getTime()));
  const hex = ((ms + GREGORIAN_OFFSET_MS) * 10_000n).toString(16).padStart(15, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-6${hex.slice(12, 15)}-0000-000000000000`;
}
