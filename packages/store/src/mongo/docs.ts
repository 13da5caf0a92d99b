import { toJson } from "../shared/json";

/** Anything with a zod-style parse: document schemas are zod pipes ending in a contract schema. */
export interface DocParser<T> {
  parse(doc: unknown): T;
}

/** Parses a document that may be missing: null (no document) stays null, anything else must be valid. */
export function parseNullable<T>(parser: DocParser<T>, doc: unknown): T | null {
  return doc === null || doc === undefined ? null : parser.parse(doc);
}

/**
 * A value that will go into a query filter as an equality match. The ports type these as strings, but
 * callers pass request data through: an object such as { $ne: null } here would become a query
 * operator, so anything but a string is refused before it reaches MongoDB.
 */
export function filterString(value: unknown, what: string): string {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string, got ${typeof value}`);
  return value;
}

/** A finite number for a range filter (a `since` seq); refuses objects for the same reason as filterString. */
export function filterNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${what} must be a number`);
  return value;
}

/**
 * A result limit. MongoDB reads limit(0) as "no limit" where the ports mean "nothing", so callers
 * return [] for 0 themselves; undefined means no limit.
 */
export function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(`limit must be a non-negative integer, got ${limit}`);
  return limit;
}

/** True for MongoDB's duplicate-key error (E11000), whichever unique index refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === 11000;
}

/**
 * A value as JSON keeps it: undefined members dropped, dates as strings. Stored this way so a document
 * reads back exactly like the SQLite adapter's JSON columns, instead of BSON turning undefined into null.
 */
export function plainJson(value: unknown): unknown {
  return JSON.parse(toJson(value));
}

/** A Date from an ISO timestamp, for fields that must sort and compare as instants. */
export function toDate(timestamp: string): Date {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${timestamp}`);
  return date;
}
