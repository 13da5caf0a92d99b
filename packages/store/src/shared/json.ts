/** Serialises a value for a JSON column; refuses values JSON cannot represent instead of storing NULL. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot store ${typeof value} as JSON`);
  return text;
}

/** Reads a JSON column; the result stays unknown until a zod schema has checked it. */
export function fromJson(text: string): unknown {
  return JSON.parse(text);
}

/** Converts an ISO-8601 timestamp to epoch milliseconds, so timestamps with different offsets compare correctly. */
export function toEpochMs(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${timestamp}`);
  return ms;
}

/**
 * 9999-12-31, the last day every store and driver holds as a date. A review's sweep time (deadline_ms,
 * deadlineTime) is set to it once its deadline policy has run, so it comes due never again while its
 * shown deadline is kept.
 */
export const NEVER_MS = Date.UTC(9999, 11, 31);
