import type { Lexicon } from "./lexicon/lexicon";
import { MAX_PHRASE_WORDS, phraseForms } from "./lexicon/phrase-forms";
import { isPlaceName } from "./named-things";
import { boundedMemo } from "./bounded-memo";

/**
 * A word of a text, lowercase; `acronym` when written "U.S." or "USA" (never a stop word then).
 * A hyphenated compound ("carry-on", "check-in") is one word, its parts joined by "_", with `parts`.
 */
export interface Token {
  word: string;
  acronym: boolean;
  parts?: string[];
  /** The word a one-letter prefix was joined to ("bike" in "e-bike"): what kind of thing it is. */
  head?: string;
}

/** Splits text into word tokens (letters and digits, inner apostrophes), keeping acronyms whole. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const normalized = text
    .replace(/[\u2018\u2019]/g, "'")
    // "e-bike" and "e-mail" are one word to a customer; join single-letter prefixes before splitting
    // (marked by a soft hyphen, so the word remembers what it is a kind of).
    .replace(/\b([a-zA-Z])-([a-zA-Z]{2,})/g, "$1\u00ad$2");
  for (const match of normalized.matchAll(
    /(?:\p{L}\.){2,}|\p{L}+(?:-\p{L}+)+|[\p{L}\p{N}\u00ad]+(?:'\p{L}+)*/gu,
  )) {
    const raw = match[0];
    if (raw.includes("\u00ad")) {
      const [prefix = "", head = ""] = raw.toLowerCase().split("\u00ad");
      out.push({ word: prefix + head, acronym: false, head });
      continue;
    }
    if (raw.includes("-")) {
      // "carry-on" names a thing that neither "carry" nor "on" does; "carry-ons" is the same thing.
      const parts = raw.toLowerCase().split("-");
      const last = parts.length - 1;
      const singular = parts.map((part, i) =>
        i === last && /^\p{L}+[^s]s$/u.test(part) ? part.slice(0, -1) : part,
      );
      out.push({ word: singular.join("_"), acronym: false, parts });
      continue;
    }
    const dotted = raw.includes(".");
    const word = raw
      .replace(/\./g, "")
      .toLowerCase()
      .replace(/'(s|t|re|ve|ll|d|m)$/, "");
    const acronym = dotted || (raw.length >= 2 && raw.length <= 5 && /^\p{Lu}+$/u.test(raw));
    if (word.length > 0) out.push({ word, acronym });
  }
  return out;
}

/** The lowercase words of a text. */
export function tokenize(text: string): string[] {
  return tokens(text).map((t) => t.word);
}

/**
 * Turns text into index terms with a help center's lexicon: stemmed topic words (stop words and
 * question framing dropped) and the multiword names it knows ("hong_kong").
 */
export class TermAnalyzer {
  constructor(readonly lexicon: Lexicon) {}

  /** Terms of a document: every word's term and, in addition, the multiword names among them. */
  documentTerms(text: string): string[] {
    const list = tokens(text);
    const phrasesAt = list.map((): string[] => []);
    // The words of a place's name say nothing on their own: "South Africa" names no part of Africa.
    const inPlaceName = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= list.length; n++) {
        const phrase = this.knownPhrase(joinWords(list, i, n));
        if (phrase === null) continue;
        phrasesAt[i]?.push(phrase);
        if (isPlaceName(phrase)) for (let k = i; k < i + n; k++) inPlaceName.add(k);
      }
    }
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const term = inPlaceName.has(i) ? null : this.wordTerm(list[i]);
      if (term !== null) out.push(term);
      // A compound's parts are words of the text too: "carry-on" also says "carry".
      for (const part of inPlaceName.has(i) ? [] : (list[i]?.parts ?? [])) {
        const partTerm = this.wordTerm({ word: part, acronym: false });
        if (partTerm !== null) out.push(partTerm);
      }
      out.push(...(phrasesAt[i] ?? []));
    }
    return out;
  }

  /** Terms of a question: a known multiword name stands in for its words ("cape town" -> "cape_town"). */
  queryTerms(text: string): string[] {
    return this.queryWords(text).map((w) => w.term);
  }

  /**
   * Each term of a question with the word (or words) it was read from, for spelling correction, and
   * the term of its head when it is a one-letter-prefix compound ("e-bikes": "ebik", head "bike").
   */
  queryWords(text: string): Array<{ term: string; word: string; head?: string }> {
    const list = tokens(text);
    const out: Array<{ term: string; word: string; head?: string }> = [];
    for (let i = 0; i < list.length;) {
      let taken = 0;
      for (let n = MAX_PHRASE_WORDS; n >= 2 && taken === 0; n--) {
        if (i + n > list.length) continue;
        const phrase = this.knownPhrase(joinWords(list, i, n));
        if (phrase !== null) {
          out.push({ term: phrase, word: phrase });
          taken = n;
        }
      }
      if (taken > 0) {
        i += taken;
        continue;
      }
      const token = list[i];
      const term = this.wordTerm(token);
      if (term !== null && token !== undefined) {
        const head = token.head === undefined ? null : this.wordTerm({ word: token.head, acronym: false });
        out.push(head === null ? { term, word: token.word } : { term, word: token.word, head });
      }
      i += 1;
    }
    return out;
  }

  /**
   * The distinct terms of a question, in first-seen order. Remembered per text (the last 500): a search
   * reads the passages of the articles it found, and the offline model its extracts, the same few
   * passages for many questions.
   */
  distinctQueryTerms(text: string): readonly string[] {
    return this.distinctTerms(text);
  }

  private readonly distinctTerms = boundedMemo(500, (text: string): readonly string[] => [
    ...new Set(this.queryTerms(text)),
  ]);

  private knownPhrase(joined: string): string | null {
    return phraseForms(joined).find((form) => this.lexicon.phrases.has(form)) ?? null;
  }

  private wordTerm(token: Token | undefined): string | null {
    if (token === undefined) return null;
    const { word } = token;
    if (token.acronym || token.parts !== undefined) return word;
    if (word.length < 2 || this.lexicon.tools.isStopWord(word)) return null;
    return this.lexicon.tools.stem(word);
  }
}

function joinWords(list: readonly Token[], start: number, count: number): string {
  return list
    .slice(start, start + count)
    .map((t) => t.word)
    .join("_");
}
