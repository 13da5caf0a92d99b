import type { RuleLanguage, WordClass } from "./grammar";
import { GRAMMARS } from "./grammars";
import { bare } from "./tokens";

/** Grammar words every sentence of a language leans on: pronouns, articles, modals, question words. */
const FUNCTION_CLASSES: readonly WordClass[] = [
  "self",
  "selfObject",
  "possessive",
  "you",
  "determiner",
  "question",
  "modal",
  "auxiliary",
  "negation",
  "conditional",
  "want",
];

const functionWords = new Map<RuleLanguage, ReadonlySet<string>>();

/**
 * How many of a text's words are grammar words of `language`. A short message a detector calls
 * Malay ("I forgot my password") is still built from English grammar words, which no typo hides.
 */
export function grammarWordCount(text: string, language: RuleLanguage): number {
  let words = functionWords.get(language);
  if (!words) {
    const grammar = GRAMMARS[language];
    words = new Set(FUNCTION_CLASSES.flatMap((c) => grammar.words[c]).filter((w) => !w.includes("_")));
    functionWords.set(language, words);
  }
  const known = words;
  return (bare(text).match(/\p{L}+/gu) ?? []).filter((w) => known.has(w)).length;
}
