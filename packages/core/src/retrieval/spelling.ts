import { distance } from "fastest-levenshtein";
import { isEnglishWord } from "./lexicon/english-words";

/**
 * Maps a misspelt query word onto a help-center term one edit away (two for long words), preferring
 * the most common candidate; two neighbouring letters swapped ("hcange") count as one edit. Only words
 * that are not English words are corrected: "exhcange" finds "exchange", while "kenya" or "placard"
 * are left alone rather than bent into the nearest term.
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
    if (candidate.includes("_") || Math.abs(candidate.length - term.length) > maxEdits) continue;
    if (candidate[0] !== term[0] && !swapsFirstLetters(term, candidate)) continue;
    const edits = typingEdits(term, candidate);
    if (edits <= maxEdits && (edits < bestEdits || (edits === bestEdits && count > bestCount))) {
      best = candidate;
      bestCount = count;
      bestEdits = edits;
    }
  }
  return best;
}

/**
 * Whether a word that is no word at all is a slip of a function word (a pronoun, determiner,
 * preposition, auxiliary or question word, as the language's stop-word list has them): one letter changed or two
 * neighbours swapped ("hiw" for "how", "acn" for "can", "waht" for "what"). Such a word frames the
 * question like the word meant; read as a topic it would weigh as something the help center lacks.
 * Only slips that keep the letter count are tried, and a changed letter must be a neighbouring key.
 */
export function isMisspeltFunctionWord(
  word: string,
  isFunctionWord: (word: string) => boolean,
  knownWord: (word: string) => boolean,
  language: string,
): boolean {
  if (word.length < 3 || word.length > 5 || !/^\p{L}+$/u.test(word)) return false;
  if (knownWord(word) || (language === "en" && isEnglishWord(word))) return false;
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    if (swapped !== word && isFunctionWord(swapped)) return true;
  }
  // A changed letter is a neighbouring key (on an English keyboard): "hiw" is "how", "gps" is not "ups".
  if (language !== "en") return false;
  for (let i = 0; i < word.length; i++) {
    for (const letter of QWERTY_NEIGHBOURS.get(word.charAt(i)) ?? "") {
      const changed = word.slice(0, i) + letter + word.slice(i + 1);
      if (isFunctionWord(changed)) return true;
    }
  }
  return false;
}

/** Edits between two terms, two swapped neighbouring letters counting as one. */
function typingEdits(a: string, b: string): number {
  const edits = distance(a, b);
  return edits === 2 && swapsOnePair(a, b) ? 1 : edits;
}

/** Whether b is a with one pair of neighbouring letters swapped. */
function swapsOnePair(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ.push(i);
  const [first, second] = differ;
  return (
    differ.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}

/** Whether the two terms start with the same two letters in swapped order ("hc..." for "ch..."). */
function swapsFirstLetters(a: string, b: string): boolean {
  return a.length > 1 && b.length > 1 && a[0] === b[1] && a[1] === b[0];
}

/** The keys next to each letter on a QWERTY keyboard. */
const QWERTY_NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
  const at = new Map<string, [number, number]>();
  rows.forEach((row, r) => [...row].forEach((key, c) => at.set(key, [r, c])));
  const out = new Map<string, string>();
  for (const [key, [r, c]] of at) {
    const near = [...at].filter(([other, [r2, c2]]) => {
      if (other === key || Math.abs(r2 - r) > 1) return false;
      // Each row sits about half a key to the right of the one above it.
      const shift = r2 - r;
      const offset = c2 - c + shift * 0.5;
      return Math.abs(offset) <= 1;
    });
    out.set(key, near.map(([other]) => other).join(""));
  }
  return out;
})();
