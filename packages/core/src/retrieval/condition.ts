import type { RetrievalLanguage } from "./lexicon/language-tools";

/** Words that open a condition clause ("If ...,", "Wenn ...,"), per language: a closed class. */
const OPENERS: Readonly<Record<RetrievalLanguage, string>> = {
  en: "if|when|whenever|unless|once|in case|as long as",
  fr: "si|s'|lorsque|lorsqu'|quand|dès que|tant que",
  de: "wenn|falls|sofern|sobald|solange",
  es: "si|cuando|siempre que|en caso de que",
  it: "se|quando|qualora|finché",
  pt: "se|quando|caso|desde que",
  nl: "als|indien|wanneer|zodra|zolang",
};

const PATTERNS = new Map(
  Object.entries(OPENERS).map(([language, words]) => [
    language,
    new RegExp(`^(?:${words})(?:\\s|(?<='))([^,;:]{3,}?)[,;:]\\s`, "iu"),
  ]),
);

/**
 * The condition a passage opens with ("If an address is flagged as not valid, check ..." -> "an
 * address is flagged as not valid"), or null. Such a passage answers only a question about that
 * case; asked generally ("how do I enter an address?") it is the exception, not the answer.
 */
export function openingCondition(text: string, language: RetrievalLanguage = "en"): string | null {
  const match = PATTERNS.get(language)?.exec(text.trim());
  return match?.[1] ?? null;
}

/** Words that open a clause saying when or while the main clause holds, put after it ("..., while ..."). */
const TRAILING: Readonly<Record<RetrievalLanguage, string>> = {
  en: `${OPENERS.en}|while|as soon as`,
  fr: `${OPENERS.fr}|pendant que|tant qu'`,
  de: `${OPENERS.de}|während`,
  es: `${OPENERS.es}|mientras`,
  it: `${OPENERS.it}|mentre`,
  pt: `${OPENERS.pt}|enquanto`,
  nl: `${OPENERS.nl}|terwijl`,
};

const TRAILING_PATTERNS = new Map(
  Object.entries(TRAILING).map(([language, words]) => [
    language,
    new RegExp(`,\\s+(?:${words})(?:\\s|(?<='))([^,;:.!?]{3,})`, "giu"),
  ]),
);

/**
 * The clauses a passage adds after a comma to say when its statement holds ("You can cancel an order
 * within 1 hour, while its status is still Processing" -> "its status is still Processing"). What
 * only such a clause says is a circumstance of the passage, not what it is about.
 */
export function trailingConditions(text: string, language: RetrievalLanguage = "en"): string[] {
  const pattern = TRAILING_PATTERNS.get(language);
  if (pattern === undefined) return [];
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "").filter((c) => c.length > 0);
}
