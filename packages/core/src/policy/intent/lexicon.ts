import type { ActionCategory, Grammar, WordClass } from "./grammar";
import type { Token } from "./tokens";

/** Word classes whose members inflect (verbs, nouns): matched by stem as well as by form. */
const INFLECTED: ReadonlySet<WordClass> = new Set<WordClass>([
  "cognition",
  "provide",
  "arrive",
  "charge",
  "loss",
  "deny",
  "help",
  "infoNoun",
  "settingsNoun",
  "edit",
  "accountNoun",
  "money",
  "wrong",
  "unauthorized",
]);

/** A grammar made ready for matching: every class and lexicon as a set of forms and stems. */
export interface Lexicon {
  grammar: Grammar;
  is(token: Token | undefined, wordClass: WordClass): boolean;
  /** The category of the action a word names, or null. */
  action(token: Token | undefined): ActionCategory | null;
  /** "close", "remove": the category comes from the object. */
  closes(token: Token | undefined): boolean;
}

const compiled = new Map<Grammar, Lexicon>();

const asClass = (name: string): WordClass => WORD_CLASSES.find((c) => c === name) ?? "determiner";

/** Compiles a grammar once. */
export function lexicon(grammar: Grammar): Lexicon {
  const known = compiled.get(grammar);
  if (known) return known;
  const withStems = (words: readonly string[]) =>
    new Set(words.flatMap((w) => [w, grammar.stem(w)]).filter((w) => w.length > 1));
  const classes = new Map<WordClass, ReadonlySet<string>>();
  for (const [name, words] of Object.entries(grammar.words)) {
    const wordClass = WORD_CLASSES.find((c) => c === name);
    if (!wordClass) continue;
    classes.set(wordClass, INFLECTED.has(wordClass) ? withStems(words) : new Set(words));
  }
  // Possessives, generic and pointing words are determiners too: a word after them is a noun.
  classes.set(
    "determiner",
    new Set(
      ["determiner", "possessive", "generic", "demonstrative"].flatMap((c) => [
        ...(classes.get(asClass(c)) ?? []),
      ]),
    ),
  );
  const actions = new Map<string, ActionCategory>();
  for (const category of ACTION_ORDER) {
    for (const form of withStems(grammar.actions[category]))
      if (!actions.has(form)) actions.set(form, category);
  }
  const closing = withStems(grammar.closing);
  const made: Lexicon = {
    grammar,
    is(token, wordClass) {
      if (!token) return false;
      const set = classes.get(wordClass);
      if (!set) return false;
      if (set.has(token.bare)) return true;
      return INFLECTED.has(wordClass) && token.stems.some((s) => set.has(s));
    },
    action(token) {
      if (!token) return null;
      for (const form of [token.bare, ...token.stems]) {
        const category = actions.get(form);
        if (category) return category;
      }
      return null;
    },
    closes(token) {
      return token !== undefined && [token.bare, ...token.stems].some((f) => closing.has(f));
    },
  };
  compiled.set(grammar, made);
  return made;
}

/** Money first: "transfer 200 euros" is money movement before it is a change. */
const ACTION_ORDER: readonly ActionCategory[] = [
  "money_movement",
  "cancellation",
  "deletion",
  "order_change",
  "action_request",
];

const WORD_CLASSES: readonly WordClass[] = [
  "filler",
  "please",
  "self",
  "selfObject",
  "possessive",
  "you",
  "someone",
  "determiner",
  "generic",
  "demonstrative",
  "question",
  "conditional",
  "modal",
  "auxiliary",
  "want",
  "help",
  "cannot",
  "negation",
  "cognition",
  "infoNoun",
  "settingsNoun",
  "edit",
  "provide",
  "acquire",
  "light",
  "arrive",
  "twice",
  "charge",
  "loss",
  "deny",
  "unauthorized",
  "withoutConsent",
  "wrong",
  "accountNoun",
  "money",
  "back",
];
