import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/** Released this long after the last lookup: a busy server keeps the list, an idle one frees it. */
const RELEASE_AFTER_MS = 60_000;

let words: Set<string> | null = null;
let releaseTimer: NodeJS.Timeout | null = null;

/** Whether a lowercase word is an English word (the `word-list` package: 274,000 words and forms). */
export function isEnglishWord(word: string): boolean {
  if (releaseTimer !== null) clearTimeout(releaseTimer);
  releaseTimer = setTimeout(() => {
    words = null;
    releaseTimer = null;
  }, RELEASE_AFTER_MS);
  releaseTimer.unref();
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words.has(word);
}
