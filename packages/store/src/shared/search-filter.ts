/** The upper bound of a prefix range: every string starting with `prefix` sorts below it. */
export const prefixEnd = (prefix: string): string => `${prefix}\uffff`;

/** A timestamp as the stores keep it (UTC ISO), for range comparisons. */
export const utcTimestamp = (value: string): string => new Date(value).toISOString();

/** The words of a message search, lower-cased (at most 10); a message matches when it holds every one. */
export const messageWords = (text: string | undefined): string[] =>
  (text ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
