import { createRequire } from "node:module";
import { z } from "zod";
import { boundedMemo } from "../../retrieval/bounded-memo";
import type { Grammar } from "./grammar";

/** One word of a customer message, with what the rules match on. */
export interface Token {
  /** Lowercase, without diacritics: how closed word classes are matched. */
  bare: string;
  /** Stems of the word and its lemma: how action and incident lexicons are matched. */
  stems: readonly string[];
  /** Part of speech where a tagger gave one (English). */
  pos: "verb" | "noun" | "other" | null;
  /** Points at one concrete thing: an order number, a booking code ("#4471", "HX7731", "order 12"). */
  id: boolean;
  /** An amount of money: "$160", "350 dollars", "15 euros". */
  amount: boolean;
}

/** A clause: the words between commas, sentence ends and joining words. */
export interface Clause {
  tokens: Token[];
  /** Its sentence ends in "?" or opens with "¿". */
  asked: boolean;
  /** Index of the first word inside an "if"/"in case" part, or -1: words from there on are hypothetical. */
  hypotheticalFrom: number;
  /** Which sentence of the message it is in (0-based). */
  sentence: number;
}

/** Lowercase without diacritics, ß as ss: how words are compared. */
export const bare = (word: string) =>
  word
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss");

const AMOUNT_UNIT = /^(dollars?|euros?|eur|usd|gbp|pounds?|cents?|bucks|pesos?|francs?|%)$/;
const NOT_AN_ID = /^(\d+(st|nd|rd|th|er|e|eme|ème|am|pm|h|kg|gb|mb|mm|cm|km|ml|x|min|mins|s))$|^(19|20)\d\d$/;

/** A word holding digits that names one concrete thing, not an amount, a time, a date or a year. */
function looksLikeId(word: string, before: string | undefined, after: string | undefined): boolean {
  if (!/\d/.test(word)) return false;
  if (/^[$€£]/.test(word) || (before !== undefined && /^[$€£]$/.test(before))) return false;
  if (after !== undefined && AMOUNT_UNIT.test(after)) return false;
  const w = word.replace(/^#/, "");
  if (NOT_AN_ID.test(w) || /[.,:/]/.test(w.replace(/^\d+[.,]\d+$/, ""))) return false;
  if (/^\d+$/.test(w)) return word.startsWith("#") || w.length >= 3;
  return /^[a-z0-9-]{4,}$/i.test(w) && /[a-z]/i.test(w);
}

const SENTENCE_END = /^[.!?;\n]+$/;
const JOINERS: Readonly<Record<Grammar["code"], readonly string[]>> = {
  en: ["and", "but", "then", "so", "or", "because", "cause", "since", "plus"],
  fr: ["et", "mais", "puis", "ou", "donc", "car", "parce"],
  de: ["und", "aber", "dann", "oder", "denn", "weil", "sondern"],
  es: ["y", "e", "pero", "luego", "o", "pues", "porque", "ya"],
};

interface Word {
  text: string;
  lemma: string | null;
  pos: Token["pos"];
}

/** Splits a message into clauses of tokens, with lemmas from compromise (English) and Snowball stems. */
export function readClauses(text: string, grammar: Grammar): Clause[] {
  const words = grammar.code === "en" ? englishWords(text, grammar) : plainWords(text, grammar);
  const clauses: Clause[] = [];
  let sentence: Clause[] = [];
  let current: Token[] = [];
  let hypotheticalFrom = -1;
  let questionOpened = false;
  let sentences = 0;
  const closeClause = () => {
    if (current.length > 0) {
      sentence.push({ tokens: current, asked: false, hypotheticalFrom, sentence: sentences });
    }
    current = [];
    hypotheticalFrom = -1;
  };
  const closeSentence = (asked: boolean) => {
    closeClause();
    // The "?" belongs to the last clause: "I want to cancel my plan, could you help me?" wishes, then asks.
    const last = sentence[sentence.length - 1];
    if (last) last.asked = asked || questionOpened;
    if (questionOpened) for (const clause of sentence) clause.asked = true;
    clauses.push(...sentence);
    if (sentence.length > 0) sentences += 1;
    sentence = [];
    questionOpened = false;
  };
  const joiners = new Set(JOINERS[grammar.code]);
  const conditional = new Set(grammar.words.conditional);
  const questionWords = new Set(grammar.words.question);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) continue;
    if (word.text === "¿") {
      questionOpened = true;
      continue;
    }
    if (SENTENCE_END.test(word.text)) {
      closeSentence(word.text.includes("?"));
      continue;
    }
    // "Ich möchte, dass ...", "je veux, que ...": the comma opens the wish's object, not a new clause.
    const complement = word.text === "," && ["dass", "que", "that"].includes(bare(words[i + 1]?.text ?? ""));
    if (!complement && (/^[,:()"«»¡]+$/.test(word.text) || joiners.has(bare(word.text)))) {
      closeClause();
      continue;
    }
    if (complement) continue;
    const b = bare(word.text);
    // "... on march 4 please make a reservation": "please" opens a request of its own.
    if (current.length > 1 && grammar.code !== "de" && grammar.words.please.includes(b)) closeClause();
    // "when" opening a clause asks a question; inside one ("what happens when ...") it is hypothetical.
    const hypothetical = conditional.has(b) && !(questionWords.has(b) && current.length === 0);
    if (hypothetical && hypotheticalFrom < 0) hypotheticalFrom = current.length;
    current.push(token(word, words[i - 1]?.text, words[i + 1]?.text, grammar));
  }
  closeSentence(false);
  return clauses;
}

function token(word: Word, before: string | undefined, after: string | undefined, grammar: Grammar): Token {
  const b = bare(word.text);
  const forms = new Set<string>([b]);
  if (word.lemma) forms.add(bare(word.lemma));
  for (const clitic of grammar.clitics ?? []) {
    if (b.length > clitic.length + 3 && b.endsWith(clitic)) forms.add(b.slice(0, -clitic.length));
  }
  for (const form of infinitives(b, grammar.code)) forms.add(form);
  const stems = [...forms].map((f) => grammar.stem(f));
  return {
    bare: b,
    stems: [...new Set([...forms, ...stems])],
    pos: word.pos,
    id: looksLikeId(word.text.toLowerCase(), before, after?.toLowerCase()),
    amount:
      /\d/.test(word.text) &&
      (/^[$€£]/.test(word.text) ||
        /^[$€£]$/.test(before ?? "") ||
        AMOUNT_UNIT.test(after?.toLowerCase() ?? "")),
  };
}

/**
 * Likely infinitives of an inflected verb, so one lexicon entry matches its forms where the stemmer
 * keeps them apart: French "annulez"/"annulé" -> "annuler", Spanish "cancelen" -> "cancelar",
 * German "storniert"/"abgebucht" -> "stornieren"/"abbuchen".
 */
function infinitives(word: string, code: Grammar["code"]): string[] {
  if (word.length < 5) return [];
  const out: string[] = [];
  if (code === "fr") {
    const base = /^(.+?)(ez|ee|ees|es|e|er|ons)$/.exec(word)?.[1];
    if (base) out.push(`${base}er`);
    if (word.endsWith("e")) out.push(`${word}r`);
  } else if (code === "es") {
    const base = /^(.+?)(en|an|e|a|o|aron|ieron|ado|ada|ido|ida)$/.exec(word)?.[1];
    if (base) out.push(`${base}ar`, `${base}er`, `${base}ir`);
  } else if (code === "de") {
    const participle = /^(ab|an|auf|aus|ein|zu|zuruck|um|weg|vor|hinzu|uber)?ge(.+?)(t|en)$/.exec(word);
    if (participle) out.push(`${participle[1] ?? ""}${participle[2]}en`);
    const finite = /^(.+?)(t|e|st)$/.exec(word)?.[1];
    if (finite) out.push(`${finite}en`, `${finite}n`);
  }
  return out;
}

interface EnglishTagger {
  (text: string): { compute(method: string): unknown; json(options: object): unknown };
}
const isTagger = (value: unknown): value is EnglishTagger => typeof value === "function";
let tagger: EnglishTagger | null = null;

/**
 * compromise (its tagger build, "two"), loaded on first use: it costs about half a second and tens of
 * MB, which a thread that never reads a message (the sockets' thread, beside a graph worker) need not pay.
 */
function englishTagger(): EnglishTagger {
  if (tagger) return tagger;
  const loaded: unknown = createRequire(import.meta.url)("compromise/two");
  if (!isTagger(loaded)) throw new Error("compromise did not load as a function");
  tagger = loaded;
  return loaded;
}

/** English through compromise: contractions expanded ("can't" -> "can not"), lemmas, verb/noun tags. */
function englishWords(text: string, grammar: Grammar): Word[] {
  const words: Word[] = [];
  for (const sentence of englishReading(respell(text, grammar))) {
    for (const term of sentence.terms) {
      for (const mark of marks(term.pre)) words.push({ text: mark, lemma: null, pos: null });
      const text = term.implicit || term.normal || term.text;
      if (text) words.push({ text, lemma: term.root ?? null, pos: posOf(term.tags) });
      for (const mark of marks(term.post)) words.push({ text: mark, lemma: null, pos: null });
    }
    words.push({ text: ".", lemma: null, pos: null });
  }
  return joinPhrases(words, grammar);
}

/** compromise's part-of-speech tags of each word of an English text, in order ("Gerund", "Determiner"...). */
export function englishTermTags(text: string): readonly (readonly string[])[] {
  return englishReading(text).flatMap((s) => s.terms.map((t) => t.tags));
}

/** The words of an English text as compromise reads them (lowercase), each with its part-of-speech tags. */
export function englishTerms(text: string): Array<{ word: string; tags: readonly string[] }> {
  return englishReading(text).flatMap((s) =>
    s.terms.map((t) => ({ word: (t.normal ?? t.text).toLowerCase(), tags: t.tags })),
  );
}

/**
 * How many texts' readings are kept before the memo starts again: the readers of one message read it
 * within one graph run, and a reading holds a few kB that an idle server need not keep.
 */
const READINGS_KEPT = 100;

/**
 * compromise's reading of an English text (terms, tags, lemmas), remembered per text: tagging is the
 * costly part of reading a message, and one message is tagged by several readers (retrieval's answer
 * type and word roles, the intent reading). The lemmas are computed once for all: computing them
 * changes no tag (checked on the 478 texts of ../shared/eval).
 * Every reader of a text gets the same reading, so its type is read-only throughout.
 */
const englishReading = boundedMemo(READINGS_KEPT, (text: string): CompromiseSentences => {
  const doc = englishTagger()(text);
  doc.compute("root");
  return CompromiseJson.parse(doc.json({ offset: false }));
});

/** The part of compromise's JSON the reader uses. */
const CompromiseJson = z.array(
  z.object({
    terms: z.array(
      z.object({
        text: z.string(),
        normal: z.string().nullish(),
        implicit: z.string().nullish(),
        root: z.string().nullish(),
        pre: z.string(),
        post: z.string(),
        tags: z.array(z.string()),
      }),
    ),
  }),
);

/** compromise's reading of a text, shared by its readers: nothing may change it. */
type CompromiseSentences = ReadonlyArray<{
  readonly terms: ReadonlyArray<
    Readonly<Omit<CompromiseTerm, "tags">> & { readonly tags: readonly string[] }
  >;
}>;
type CompromiseTerm = z.infer<typeof CompromiseJson>[number]["terms"][number];

function posOf(tags: readonly string[]): Token["pos"] {
  if (tags.includes("Verb")) return "verb";
  if (tags.includes("Noun")) return "noun";
  return "other";
}

/** Punctuation that bounds clauses, from compromise's text around a term. */
function marks(around: string): string[] {
  const found = around.match(/[?!.;:,()¿¡"\n]/g) ?? [];
  return found;
}

const ELISION = /\b(qu|jusqu|lorsqu|puisqu|[cdjlmnst])'/gi;

/** French, German and Spanish: words and punctuation, elisions ("j'ai", "l'adresse") and hyphens split. */
function plainWords(text: string, grammar: Grammar): Word[] {
  const spaced = respell(text, grammar)
    .replace(ELISION, "$1' ")
    .replace(/(\p{L})-(\p{L})/gu, "$1 $2");
  const words = (spaced.match(/[#$€£]?[\p{L}\p{N}][\p{L}\p{N}'#-]*|[?!.;:,()¿¡"\n]/gu) ?? []).map(
    (text): Word => ({ text, lemma: null, pos: null }),
  );
  return joinPhrases(words, grammar);
}

function respell(text: string, grammar: Grammar): string {
  return text
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\p{L}']+/gu, (word) => grammar.spelling[word.toLowerCase()] ?? word);
}

/** Joins the grammar's multi-word expressions ("would like", "s'il vous plaît") into one word. */
function joinPhrases(words: Word[], grammar: Grammar): Word[] {
  const byFirstWord = phrasesByFirstWord(grammar);
  const bares = words.map((w) => bare(w.text));
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    // The longest phrase matching here; of equally long ones, the grammar's first.
    let match: readonly string[] | undefined;
    for (const parts of byFirstWord.get(bares[i] ?? "") ?? []) {
      if (
        (match === undefined || parts.length > match.length) &&
        parts.every((part, k) => (bares[i + k] ?? "") === part)
      )
        match = parts;
    }
    if (match) {
      out.push({ text: match.join("_"), lemma: null, pos: null });
      i += match.length - 1;
    } else {
      const word = words[i];
      if (word) out.push(word);
    }
  }
  return out;
}

/** Each grammar's phrases as bare words, by their first word in the grammar's order: read once, not per message. */
const phraseIndex = new WeakMap<Grammar, ReadonlyMap<string, readonly (readonly string[])[]>>();

function phrasesByFirstWord(grammar: Grammar): ReadonlyMap<string, readonly (readonly string[])[]> {
  const known = phraseIndex.get(grammar);
  if (known) return known;
  const index = new Map<string, string[][]>();
  for (const phrase of grammar.phrases) {
    const parts = phrase.split(" ").map(bare);
    const first = parts[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), parts]);
  }
  phraseIndex.set(grammar, index);
  return index;
}
