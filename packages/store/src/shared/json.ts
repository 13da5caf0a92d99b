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
