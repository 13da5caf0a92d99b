import { newStemmer, type Stemmer } from "snowball-stemmers";
import { deu, eng, fra, ita, nld, por, spa } from "stopword";

/** Help-center languages retrieval can stem and filter (ISO 639-1); others fall back to English. */
export const RETRIEVAL_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"] as const;
export type RetrievalLanguage = (typeof RETRIEVAL_LANGUAGES)[number];

const SNOWBALL: Readonly<Record<RetrievalLanguage, string>> = {
  en: "english",
  fr: "french",
  de: "german",
  es: "spanish",
  it: "italian",
  pt: "portuguese",
  nl: "dutch",
};

const STOPWORDS: Readonly<Record<RetrievalLanguage, readonly string[]>> = {
  en: eng,
  fr: fra,
  de: deu,
  es: spa,
  it: ita,
  pt: por,
  nl: nld,
};

/**
 * Words that frame an English question or request without naming its topic: "I want to know how to
 * see...", "can you help me check...". They are about how customers ask, not about any help center,
 * and a match on them says nothing about whether an article answers the question.
 */
const ENGLISH_FRAME_WORDS = `
  hi hello hey thanks thank please pls plz ok okay yes sorry dear
  able allowed possible want wanted wanting wanna need needed needing like would wish
  know knowing knew tell telling told say show showing see seeing look looking find finding
  check checking help helping assist assistance assisting support info information details
  get getting got go going gone try trying tried use using used let lets
  thing things stuff something someone somebody anyone anything way ways
  do does did doing done can could will shall may might must should
  really actually just still already currently recently usually
  question questions ask asking wonder wondering mean
  not no never don doesn didn isn aren wasn weren won wouldn shouldn couldn cannot cant dont
  work works worked working happen happens happened
  when why how whom whose whenever wherever`;

/**
 * English words that qualify a question rather than name its topic (quantities, time units): they
 * count for a fraction, so "minimum order" and "two codes" do not sink an otherwise clear match.
 */
const ENGLISH_WEAK_WORDS = `one two three four five six seven eight nine ten many few several first second
  last next new old long short day days today tonight tomorrow week weeks month months year years hour
  hours minute minutes time times number numbers amount total minimum maximum good best better much`;

/** Stemming and stop words for one language. */
export interface LanguageTools {
  language: RetrievalLanguage;
  stem(word: string): string;
  /** Function words and (in English) question framing: never a topic. */
  isStopWord(word: string): boolean;
  /** Whether an index term qualifies rather than names a topic (see ENGLISH_WEAK_WORDS). */
  isWeakTerm(term: string): boolean;
  /** Whether a word is one of the language's function words as written ("how", "can"; not "checking"). */
  isFunctionWord(word: string): boolean;
}

const cache = new Map<RetrievalLanguage, LanguageTools>();

/** The stemmer (Snowball) and stop words (the `stopword` lists) of a language. */
export function languageTools(language: RetrievalLanguage = "en"): LanguageTools {
  const known = cache.get(language);
  if (known !== undefined) return known;
  const stemmer: Stemmer = newStemmer(SNOWBALL[language]);
  const functionWords = new Set(STOPWORDS[language]);
  const stops = new Set(functionWords);
  if (language === "en") for (const w of ENGLISH_FRAME_WORDS.split(/\s+/)) if (w) stops.add(w);
  // Inflections of a stop word are stop words too: "takes" and "checking" frame as "take" and "check" do.
  const stopStems = new Set([...stops].map((w) => stemmer.stem(w)));
  const memo = new Map<string, string>();
  const weak = new Set(
    language === "en"
      ? ENGLISH_WEAK_WORDS.split(/\s+/)
          .filter(Boolean)
          .map((w) => stemmer.stem(w))
      : [],
  );
  const tools: LanguageTools = {
    language,
    stem(word) {
      let stemmed = memo.get(word);
      if (stemmed === undefined) {
        stemmed = stemmer.stem(word);
        if (memo.size < 50_000) memo.set(word, stemmed);
      }
      return stemmed;
    },
    isStopWord: (word) => stops.has(word) || stopStems.has(tools.stem(word)),
    isWeakTerm: (term) => weak.has(term),
    isFunctionWord: (word) => functionWords.has(word),
  };
  cache.set(language, tools);
  return tools;
}

/** Whether a language code names one retrieval supports. */
export function isRetrievalLanguage(code: string): code is RetrievalLanguage {
  return RETRIEVAL_LANGUAGES.some((language) => language === code);
}
