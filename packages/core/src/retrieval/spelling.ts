import { distance } from "fastest-levenshtein";
import { isEnglishWord } from "./lexicon/english-words";

/**
 * Maps a misspelt query word onto a help-center term one edit away (two for long words), preferring
 * the most common candidate. Only words that are not English words are corrected: "exhcange" finds
 * "exchange", while "kenya" or "placard" are left alone rather than bent into the nearest term.
 */
export function correctSpelling(
  word: string,
  term: string,
  vocabulary: ReadonlyMap<string, number>,
  language: string,
  knownWord: (word: string) => boolean = () => false,
): string {
  if (word.length < 5 || vocabulary.has(term) || /\d/.test(word)) return term;
  if (knownWord(word) || (language === "en" && isEnglishWord(word))) return term;
  const maxEdits = word.length >= 8 ? 2 : 1;
  let best = term;
  let bestCount = 0;
  let bestEdits = Infinity;
  for (const [candidate, count] of vocabulary) {
    if (candidate.includes("_") || candidate[0] !== term[0]) continue;
    if (Math.abs(candidate.length - term.length) > maxEdits) continue;
    const edits = distance(term, candidate);
    if (edits <= maxEdits && (edits < bestEdits || (edits === bestEdits && count > bestCount))) {
      best = candidate;
      bestCount = count;
      bestEdits = edits;
    }
  }
  return best;
}
