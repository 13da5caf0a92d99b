/** The q-quantile (0..1) of a list of numbers by nearest rank; null for an empty list. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? null;
}

/** part / whole, or null when there is nothing to divide. */
export const rate = (part: number, whole: number): number | null =>
  whole ? Number((part / whole).toFixed(4)) : null;

// An attentive reader needs about 4 words a second plus a moment to decide.
const WORDS_PER_SECOND = 4;
const DECIDE_MS = 1500;

/** The least time a person needs to read a draft of `words` words and decide on it. */
export const readingTimeMs = (words: number): number => DECIDE_MS + (words / WORDS_PER_SECOND) * 1000;
