import { setImmediate as nextTurn } from "node:timers/promises";
import { loadEldDetector, type LanguageDetector } from "./eld-detector";

/** A text's language as far as it tells: an ISO 639-1 code, or null when too short or mixed to say. */
export interface DetectedLanguage {
  code: string | null;
  /** The detector's score per language (0..1), for comparing against the help center's language. */
  scores: Readonly<Record<string, number>>;
}

let quick: Promise<LanguageDetector> | null = null;
let careful: Promise<LanguageDetector> | null = null;

/**
 * eld (Efficient Language Detector). On our short customer messages in en/fr/de/es its small database
 * was right 99.8% of the time and called 3 of 461 short English questions something else, against
 * 92.8% for tinyld, 89% for lande, 82% for franc-min and 95% for cld (native) - see the README. The
 * small database takes 2 s and 50 MB to load, the extra-small one 0.5 s and 30 MB (99.5% right, but 8
 * English questions called foreign): the extra-small one answers when it confirms the expected
 * language, the small one decides everything else. Both load on first use, held compactly
 * (eld-detector: ~1-2 MB of heap each instead of the 30 and 50 MB quoted above).
 */
const loadQuick = () => (quick ??= loadEldDetector("extrasmall"));
const loadCareful = () => (careful ??= loadEldDetector("small"));

/**
 * Starts loading the detector in the background (the graph does when it is built), so the first
 * customer message does not wait for it; resolves once it is loaded (or failed: a message then
 * retries the load and reports the failure).
 */
export async function preloadLanguageDetector(): Promise<void> {
  await nextTurn();
  await loadQuick().catch(() => undefined);
}

/**
 * Detects the language of a text; unreliable verdicts ("ok", "refund?") come back as null.
 * `expected` (the help center's language) lets a quick look confirm the common case.
 */
export async function detectLanguage(text: string, expected?: string | null): Promise<DetectedLanguage> {
  if (expected) {
    const first = (await loadQuick()).detect(text);
    if (first.language === expected && first.isReliable())
      return { code: expected, scores: first.getScores() };
  }
  const result = (await loadCareful()).detect(text);
  const scores = result.getScores();
  return { code: result.language && result.isReliable() ? result.language : null, scores };
}

/** The language of a long text (an article): the quick database is as good as the careful one there. */
export async function detectTextLanguage(text: string): Promise<string | null> {
  const result = (await loadQuick()).detect(text);
  return result.language && result.isReliable() ? result.language : null;
}

/** How much better the message's language must score than the help center's before they count as different. */
const MARGIN = 0.06;

/**
 * True when the message is clearly written in another language than the help center. The margin keeps
 * English with typos or place names ("do uudeliver to Liverpool") from counting as Norwegian.
 */
export function inOtherLanguage(message: DetectedLanguage, helpCenter: string | null): boolean {
  if (!message.code || !helpCenter || message.code === helpCenter) return false;
  return (message.scores[message.code] ?? 0) - (message.scores[helpCenter] ?? 0) > MARGIN;
}

const names = new Intl.DisplayNames(["en"], { type: "language" });

/** "fr" -> "French (fr)". */
export function languageName(code: string): string {
  return `${names.of(code) ?? code} (${code})`;
}
