import type { RetrievalLanguage } from "./lexicon/language-tools";

/**
 * Prepositions that open a title's modifier ("... in your carry-on", "... für Ihr Handgepäck"), per
 * language: a closed class. "of" and its kin are left out: "Change of address" is about the address.
 */
const PREPOSITIONS: Readonly<Record<RetrievalLanguage, readonly string[]>> = {
  en: [
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "to",
    "by",
    "about",
    "into",
    "during",
    "before",
    "after",
    "under",
    "over",
    "without",
    "within",
    "through",
    "via",
    "per",
  ],
  fr: [
    "dans",
    "sur",
    "pour",
    "avec",
    "en",
    "à",
    "au",
    "aux",
    "par",
    "chez",
    "sans",
    "sous",
    "entre",
    "avant",
    "après",
    "pendant",
  ],
  de: [
    "in",
    "im",
    "auf",
    "für",
    "mit",
    "zu",
    "zum",
    "zur",
    "bei",
    "beim",
    "nach",
    "aus",
    "über",
    "unter",
    "ohne",
    "ins",
    "vor",
    "während",
  ],
  es: [
    "en",
    "con",
    "para",
    "por",
    "sobre",
    "sin",
    "desde",
    "hasta",
    "entre",
    "a",
    "al",
    "durante",
    "antes",
    "después",
  ],
  it: [
    "in",
    "nel",
    "nella",
    "con",
    "per",
    "su",
    "sul",
    "sulla",
    "tra",
    "fra",
    "senza",
    "a",
    "al",
    "alla",
    "durante",
    "prima",
    "dopo",
  ],
  pt: [
    "em",
    "no",
    "na",
    "nos",
    "nas",
    "com",
    "para",
    "por",
    "sobre",
    "sem",
    "a",
    "ao",
    "durante",
    "antes",
    "depois",
  ],
  nl: ["in", "op", "met", "voor", "naar", "bij", "zonder", "over", "uit", "tijdens", "na", "aan"],
};

/**
 * The head of an article title: its words before the first preposition ("Liquids, sharp items and
 * lighters" of "... in your carry-on"), what the article is about; the rest only narrows it. A
 * title that opens with a preposition, or has none, is all head.
 */
export function titleHead(title: string, language: RetrievalLanguage = "en"): string {
  const words = title.split(/\s+/);
  const prepositions = new Set(PREPOSITIONS[language]);
  const at = words.findIndex((w, i) => i > 0 && prepositions.has(w.toLowerCase().replace(/[^\p{L}]/gu, "")));
  return at > 0 ? words.slice(0, at).join(" ") : title;
}
