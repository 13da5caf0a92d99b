import { baseForms, MAX_PHRASE_WORDS, phraseForms } from "./phrase-forms";
import { englishLexicon } from "./english-lexicon-data";
import type { LanguageTools } from "./language-tools";

/** Another index term a query term may stand for, and how much a match through it is worth. */
export interface Expansion {
  term: string;
  weight: number;
  via: "synonym" | "derived" | "place";
}

/** A synonym found in WordNet counts for this much of a direct match. */
const SYNONYM_WEIGHT = 0.85;
/**
 * A word WordNet derives from a help-center word, or it from one ("shipment" for "shipping", "cancellation"
 * for "cancel"), counts for this much: the same thing said as another part of speech, a little less
 * sure than a synonym.
 */
const DERIVED_WEIGHT = 0.8;
/** A place inside a named place ("Dublin" for "Ireland") loses this much per step up. */
const PLACE_STEP = 0.08;

/**
 * What a help center's vocabulary is connected to in English: its multiword names ("hong_kong",
 * "credit_card"), and for each word a customer might use instead of one of its words, the help
 * center's term: WordNet synonyms of its frequent senses ("luggage" for "baggage"), words derived from
 * them ("shipment" for "shipping"), and places that
 * lie inside places it names ("Dublin" for "Ireland", "Toronto" for "Canada"). Built from WordNet
 * when the knowledge base changes; knows nothing of any particular help center.
 */
export class Lexicon {
  constructor(
    readonly tools: LanguageTools,
    /** Multiword names (words joined by "_") that the help center uses or that map onto it. */
    readonly phrases: ReadonlySet<string>,
    private readonly expansions: ReadonlyMap<string, readonly Expansion[]>,
    /** Words WordNet knows, but never as a noun (so they name an action or a quality, not a topic). */
    private readonly actions: ReadonlySet<string> = new Set(),
    /** Whether WordNet knows a single word at all. */
    private readonly knownWord: (word: string) => boolean = () => false,
    /** Words WordNet knows mostly as verbs (more attested verb senses than noun senses). */
    private readonly verbs: ReadonlySet<string> = new Set(),
    /** Words WordNet files under obscenity or intensifier usage in some sense. */
    private readonly expletives: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Whether English uses the word (or a base form of it) as a swearword or an intensifier in some
   * sense ("fucking", "bloody", "goddamn"): used so, it says how the writer feels, not what they ask.
   * Some such words also name things ("tool", "screw"): the sentence decides how it is used.
   */
  isExpletive(word: string): boolean {
    return baseForms(word).some((w) => this.expletives.has(w));
  }

  /** Whether the word is a real English word (so not a misspelling), as far as WordNet knows. */
  knows(word: string): boolean {
    return this.knownWord(word);
  }

  /** Whether a word (as written, lowercase, or a base form of it) is a verb or adjective and never a noun. */
  isAction(word: string): boolean {
    return baseForms(word).some((w) => this.actions.has(w));
  }

  /** Whether a word (or a base form of it) is mostly a verb: "buy", "enter", "receiving", not "order". */
  isMostlyVerb(word: string): boolean {
    return baseForms(word).some((w) => this.verbs.has(w) || this.actions.has(w));
  }

  /** A lexicon with no WordNet knowledge (non-English help centers, or tests of plain matching). */
  static plain(tools: LanguageTools): Lexicon {
    return new Lexicon(tools, new Set(), new Map());
  }

  /**
   * The help-center terms a word of a question may stand for, looked up by the word's base forms
   * ("bikes" -> "bike"), not by its stem: "compensation" and "compensate" share a stem, not a sense.
   */
  expand(word: string): readonly Expansion[] {
    const found = new Map<string, Expansion>();
    for (const form of baseForms(word.toLowerCase())) {
      for (const e of this.expansions.get(form) ?? []) {
        const same = found.get(e.term);
        if (same === undefined || same.weight < e.weight) found.set(e.term, e);
      }
    }
    return [...found.values()];
  }

  /** The index term of a word or phrase ("shipping" -> "ship", "Hong Kong" -> "hong_kong"). */
  termOf(lemma: string): string | null {
    const words = lemma
      .toLowerCase()
      .split(/[_\s]+/)
      .filter(Boolean);
    if (words.length === 0) return null;
    if (words.length > 1) return words.join("_");
    const word = words[0] ?? "";
    if (word.length < 2 || this.tools.isStopWord(word)) return null;
    return this.tools.stem(word);
  }
}

/**
 * Builds the lexicon of a help center from its words (lowercase tokens of every article, in order,
 * one array per text so phrases never span two texts).
 */
export function buildLexicon(tools: LanguageTools, texts: ReadonlyArray<readonly string[]>): Lexicon {
  if (tools.language !== "en") return Lexicon.plain(tools);
  const data = englishLexicon();
  const known = data.phrases;
  const plain = Lexicon.plain(tools);
  const surfaces = new Map<string, string>();
  const keep = (lemma: string): void => {
    if (surfaces.has(lemma)) return;
    const term = plain.termOf(lemma);
    if (term !== null) surfaces.set(lemma, term);
  };
  const phrases = new Set<string>();
  for (const words of texts) {
    for (let i = 0; i < words.length; i++) {
      keep(words[i] ?? "");
      // A hyphenated compound the help center writes ("carry-on") is a name customers may write apart.
      if (words[i]?.includes("_")) phrases.add(words[i] ?? "");
      for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) {
        const phrase = words.slice(i, i + n).join("_");
        // "for free" or "take off" are ways of saying a word, not names: only phrases that open
        // and close with a topic word ("hong kong", "credit card") become terms.
        const edges = [words[i] ?? "", words[i + n - 1] ?? ""];
        if (edges.some((w) => tools.isStopWord(w))) continue;
        const form = phraseForms(phrase).find((f) => known.has(f));
        if (form !== undefined) {
          phrases.add(form);
          keep(form);
        }
      }
    }
  }
  // WordNet is looked up by the words as written ("france"), the index by their terms ("franc").
  const expansions = new Map<string, Expansion[]>();
  const add = (lemma: string, expansion: Expansion): void => {
    const from = ownCopy(lemma.toLowerCase());
    const term = plain.termOf(from);
    if (term === null || term === expansion.term) return;
    const list = expansions.get(from) ?? [];
    const same = list.find((e) => e.term === expansion.term);
    if (same === undefined) list.push(expansion);
    else if (same.weight < expansion.weight) same.weight = expansion.weight;
    expansions.set(from, list);
  };
  for (const [surface, term] of surfaces) {
    for (const lemma of baseForms(surface)) {
      for (const synonym of data.synonyms(lemma))
        add(synonym, { term, weight: SYNONYM_WEIGHT, via: "synonym" });
      for (const word of data.derived(lemma)) add(word, { term, weight: DERIVED_WEIGHT, via: "derived" });
    }
  }
  for (const [place, containers] of data.places) {
    for (const [container, hops] of containers) {
      const term = surfaces.get(container);
      if (term !== undefined) add(place, { term, weight: 1 - PLACE_STEP * hops, via: "place" });
    }
  }
  // Every multiword key is a phrase the query side must be able to recognise.
  for (const key of expansions.keys()) if (key.includes("_")) phrases.add(key);
  // The word list alone: a closure over `data` would keep every WordNet table (~7 MB, places and
  // synonyms included) for the lexicon's life, past englishLexicon's release of them.
  const words = data.words;
  return new Lexicon(
    tools,
    phrases,
    expansions,
    data.actions,
    (word) => words.has(word),
    data.verbs,
    data.expletives,
  );
}

/**
 * The text as a string of its own. WordNet's words come out of one large table string, and V8 makes a
 * piece of 13 characters or more a view into it ("united_states_of_america"): one such key kept in the
 * lexicon kept the whole synonyms table (4 MB) alive. Joining and cutting again copies the characters.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
