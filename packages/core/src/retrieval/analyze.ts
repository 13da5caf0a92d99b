import { STOP_WORDS, WEAK_WORDS } from "./stop-words";
import { stem } from "./stem";
import { canonical } from "./synonyms";

/** Splits text into lowercase word tokens (letters, digits, inner apostrophes). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      // "e-bike" and "e-mail" are one word to a customer; join single-letter prefixes before splitting.
      .replace(/\b([a-z])-([a-z]{2,})/g, "$1$2")
      // "How much is X?" asks for a price even though neither word names one.
      .replace(/\bhow much\b/g, "how much cost")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []
  );
}

/** Turns one token into its index term (stemmed, synonym-folded), or null for stop words and noise. */
export function normalizeTerm(token: string): string | null {
  const word = token.toLowerCase().replace(/'(s|t|re|ve|ll|d|m)$/, "");
  if (word.length < 2 || STOP_WORDS.has(word)) return null;
  return canonical(stem(word));
}

/** The index terms of a text, in order, duplicates kept. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** The distinct index terms of a text, in first-seen order. */
export function distinctTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}

/** Index terms of words that qualify a question (quantities, time units) rather than name its topic. */
export const WEAK_TERMS: ReadonlySet<string> = new Set(
  [...WEAK_WORDS].map((w) => normalizeTerm(w)).filter((t): t is string => t !== null),
);
