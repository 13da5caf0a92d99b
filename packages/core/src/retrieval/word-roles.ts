import { englishTerms } from "../policy/intent/tokens";
import { boundedMemo } from "./bounded-memo";

/** How a sentence uses a word: as a noun, as a verb (not a gerund), or as a word that names nothing. */
export type WordRole = "noun" | "verb" | "function" | "other";

/** compromise's tags of words that stand for someone or say how the writer feels, never for a topic. */
const FUNCTION_TAGS = ["Pronoun", "Determiner", "Expression", "Conjunction", "Preposition"];

/** Roles of recent texts (2,000 kept): one search compares the same customer text with every correction. */
const recentRoles = boundedMemo(2000, readWordRoles);

/**
 * How an English text uses each of its words (lowercase), as compromise's tagger reads the sentence:
 * "request" is a verb in "can I request refunds?", "ya" a pronoun in "can ya help me", "damn" an
 * expression. A word used more than one way is a noun if it is ever one, else its first reading.
 */
export function englishWordRoles(text: string): ReadonlyMap<string, WordRole> {
  return recentRoles(text);
}

function readWordRoles(text: string): ReadonlyMap<string, WordRole> {
  const roles = new Map<string, WordRole>();
  for (const { word, tags } of englishTerms(text)) {
    const role = roleOf(tags);
    if (!roles.has(word) || role === "noun") roles.set(word, role);
  }
  return roles;
}

function roleOf(tags: readonly string[]): WordRole {
  if (FUNCTION_TAGS.some((t) => tags.includes(t))) return "function";
  // A gerund often names an activity ("skiing lessons"): only a finite or bare verb is an action.
  if (tags.includes("Verb") && !tags.includes("Gerund")) return "verb";
  if (tags.includes("Noun")) return "noun";
  return "other";
}
