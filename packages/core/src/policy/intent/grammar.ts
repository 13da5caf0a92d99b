import type { RiskCategory } from "@handoff/contracts";

/** Languages the risk rules can read. */
export const RULE_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** Categories an action the customer asks for can fall in (each forces approval). */
export type ActionCategory = Extract<
  RiskCategory,
  "money_movement" | "cancellation" | "deletion" | "order_change" | "action_request"
>;

/**
 * Closed word classes: the grammar words that say who acts and how a sentence is put (pronouns,
 * question words, modals, negation). They are finite in every language, so each grammar lists them
 * whole; open-class words (verbs, nouns) come in by lemma or stem in the lexicons below.
 */
export type WordClass =
  /** Greetings and fillers that may open a message without changing it. */
  | "filler"
  /** "please", "bitte", "por favor". */
  | "please"
  /** The customer as subject: "I", "we". */
  | "self"
  /** The customer as object: "me", "us". */
  | "selfObject"
  /** The customer's possessive: "my", "our". */
  | "possessive"
  /** The business addressed: "you". */
  | "you"
  /** A person other than the customer or the business: "someone", "a stranger". */
  | "someone"
  /** Determiners and articles (a following action word is a noun, not a verb). */
  | "determiner"
  /** Generic determiners: "a", "an", "any" (an object that is no one's in particular). */
  | "generic"
  /** "this", "that": pointing at one concrete thing. */
  | "demonstrative"
  /** Question words: "how", "what", "where". */
  | "question"
  /** Subordinators that make what follows hypothetical: "if", "in case". */
  | "conditional"
  /** Modal verbs that ask permission or ability: "can", "could". */
  | "modal"
  /** Auxiliaries that open a yes/no question: "do", "is", "has". */
  | "auxiliary"
  /** Desire and need: "want", "need", "would like". */
  | "want"
  /** Asking for assistance: "help", "assistance". */
  | "help"
  /** Inability: "cannot", "unable". */
  | "cannot"
  /** Negation: "not", "never". */
  | "negation"
  /** Verbs of finding out: "know", "see", "check", "tell". */
  | "cognition"
  /** Nouns of information: wanting one is a question, not a request. */
  | "infoNoun"
  /** Verbs of editing: editing a setting is self-service. */
  | "edit"
  /** Self-service settings: editing them is something the customer does, not an action on an order. */
  | "settingsNoun"
  /** "get me", "find me": provide something. */
  | "provide"
  /** "get", "receive": acquiring; what is acquired carries the action ("get a refund"). */
  | "acquire"
  /** "make", "place": a light verb whose noun carries the action ("make a reservation"). */
  | "light"
  /** Arrival and receipt verbs, an incident when negated. */
  | "arrive"
  /** Duplication: "twice", "double". */
  | "twice"
  /** Charge nouns and verbs: "charge", "payment", "debit". */
  | "charge"
  /** Loss, theft and compromise: "steal", "lose", "hack", "missing". */
  | "loss"
  /** Verbs a customer denies when a charge is not theirs: "recognise", "authorise", "make". */
  | "deny"
  /** Adjectives of unauthorised activity: "unauthorised", "fraudulent", "unknown". */
  | "unauthorized"
  /** "without my permission". */
  | "withoutConsent"
  /** Mistakes in data the customer gave: "wrong", "incorrect". */
  | "wrong"
  /** Nouns of an account or personal data: deleting or closing one is a deletion. */
  | "accountNoun"
  /** Money the customer wants back: "money", "deposit", "refund". */
  | "money"
  /** "back", "zurück": wanting money or a thing returned. */
  | "back";

/** What one language contributes: its closed classes, its action lexicon and how it finds lemmas. */
export interface Grammar {
  code: RuleLanguage;
  /** Multi-word expressions read as one word, e.g. "would like" -> "would_like". Longest first is not required. */
  phrases: readonly string[];
  /** Spellings rewritten before reading: slang, missing apostrophes ("u" -> "you"). */
  spelling: Readonly<Record<string, string>>;
  words: Readonly<Record<WordClass, readonly string[]>>;
  /** Action verbs and nouns by the category of the action (infinitives and nouns, any inflection matches). */
  actions: Readonly<Record<ActionCategory, readonly string[]>>;
  /** Verbs whose category depends on the object: "close my account" (deletion) vs "close my plan" (cancellation). */
  closing: readonly string[];
  /** Particles that complete a verb elsewhere in the clause (German "fügen ... hinzu"). */
  separableParticles?: readonly string[];
  /** Clitics a verb can carry (Spanish "devuélvanme"). */
  clitics?: readonly string[];
  /** Stems a word for matching (Snowball, on text without diacritics). */
  stem(word: string): string;
}
