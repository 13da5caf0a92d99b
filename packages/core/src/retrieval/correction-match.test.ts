import { beforeAll, describe, expect, it } from "vitest";
import {
  matchCorrection,
  type CorrectionToMatch,
  type CustomerTerm,
  type MatchContext,
} from "./correction-match";
import { buildLexicon } from "./lexicon/lexicon";
import { languageTools } from "./lexicon/language-tools";

const STOP = new Set([
  "a",
  "the",
  "is",
  "in",
  "do",
  "does",
  "i",
  "what",
  "which",
  "how",
  "of",
  "to",
  "my",
  "you",
  "for",
]);
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !STOP.has(w));

/** A help center that names France, Japan and England and speaks of plugs, shipping and vaccines. */
const HELP_CENTER = new Set([
  "plug",
  "use",
  "france",
  "japan",
  "england",
  "ship",
  "vaccine",
  "travel",
  "type",
]);
const context: MatchContext = {
  language: "en",
  weight: () => 1,
  termOf: (word) => (STOP.has(word.toLowerCase()) ? null : singular(word.toLowerCase())),
  isStopWord: (word) => STOP.has(word),
  helpCenterSays: (term) => HELP_CENTER.has(term),
  knowledgeSays: (term) => HELP_CENTER.has(term),
  isNoun: (word) => !["need", "use", "take", "long"].includes(word),
  isExpletive: () => false,
  synonyms: () => new Set(),
};

function singular(word: string): string {
  return word.endsWith("s") && word.length > 3 ? word.slice(0, -1) : word;
}

function customer(text: string): { text: string; terms: CustomerTerm[] } {
  const terms = words(text).map((word) => ({ term: singular(word), word, alternatives: [] }));
  return { text, terms };
}

function correction(question: string, answer: string): CorrectionToMatch {
  const terms = new Set(words(question).map(singular));
  return {
    question,
    terms,
    family: terms,
    answerTerms: new Set(words(answer).map(singular)),
    opensWithCondition: false,
  };
}

const england = correction("which plugs does england use", "England uses Type G plugs.");

describe("matchCorrection", () => {
  // The first match loads WordNet's places and the sentence tagger (seconds on a busy machine).
  beforeAll(() => void matchCorrection(customer("which plugs does japan use"), england, context), 60_000);

  it("reads the same question about another place the help center names as the correction's kind of question, the place left for the answer to state", () => {
    const match = matchCorrection(customer("which plugs does japan use"), england, context);
    expect(match.similarity).toBe(1);
    expect(match.unsaid).toEqual([{ term: "japan", word: "japan" }]);
  });

  it("keeps a place the help center never names in the comparison: nothing there answers for it", () => {
    const match = matchCorrection(customer("which plugs does kenya use"), england, context);
    expect(match.similarity).toBeLessThan(0.8);
    expect(match.unsaid.map((u) => u.word)).toEqual(["kenya"]);
  });

  it("does not lean a question about a particular place on a correction that names none and whose answer does not name it", () => {
    const abroad = correction(
      "do i need vaccines when i travel",
      "Some countries require a yellow fever vaccine.",
    );
    const general = matchCorrection(customer("do i need vaccines when i travel"), abroad, context);
    const narrowed = matchCorrection(customer("do i need vaccines when i travel to japan"), abroad, context);
    expect(general.similarity).toBe(1);
    expect(narrowed.similarity).toBe(0);
    expect(narrowed.unsaid.map((u) => u.word)).toEqual(["japan"]);
  });

  it("leans a question about a particular place on a correction naming none when its answer names the place", () => {
    const plugs = correction(
      "which plugs do countries use",
      "Japan uses Type A plugs. France uses Type E plugs.",
    );
    const match = matchCorrection(customer("which plugs does japan use"), plugs, context);
    expect(match.unsaid).toEqual([]);
    expect(match.similarity).toBeGreaterThan(0.5);
  });

  it("tells a question about how long from one about how much on the same topic", () => {
    const howLong = correction("how long does shipping take", "Standard shipping takes 3 to 5 days.");
    const same = matchCorrection(customer("how long does shipping take"), howLong, context);
    const cost = matchCorrection(customer("how much does shipping cost"), howLong, context);
    expect(same.similarity).toBe(1);
    expect(cost.similarity).toBeLessThan(0.7);
  });

  it("answers 'what kind of plugs does japan use' like 'which plugs does england use': 'kind' frames the question and names nothing the answer must state", () => {
    const match = matchCorrection(customer("what kind of plugs does japan use"), england, context);
    expect(match.similarity).toBeGreaterThan(0.9);
    expect(match.unsaid.map((u) => u.word)).toEqual(["japan"]);
  });

  it("still asks the answer to name a thing the customer adds that no one in the help center speaks of ('razor' plugs)", () => {
    const framed = matchCorrection(customer("what kind of plugs does japan use"), england, context);
    const razor = matchCorrection(customer("which razor plugs does japan use"), england, context);
    expect(razor.unsaid.map((u) => u.word)).toContain("razor");
    expect(razor.similarity).toBeLessThan(framed.similarity);
  });

  it("takes a common word the help center never uses for a thing the answer must name ('spirit' in an airline question)", () => {
    const carryOn = correction(
      "can i take more than one carry on",
      "Extra carry-on bags are checked at the gate.",
    );
    const match = matchCorrection(customer("does spirit allow more than one carry on"), carryOn, context);
    expect(match.unsaid.map((u) => u.word)).toContain("spirit");
  });

  it("counts what the correction's answer says toward the customer's question", () => {
    const toothpaste = correction(
      "rules for toothpaste",
      "Toothpaste, sunscreen and lotion must be in small containers.",
    );
    const withAnswer = matchCorrection(customer("rules for lotion"), toothpaste, context);
    const without = matchCorrection(
      customer("rules for lotion"),
      { ...toothpaste, answerTerms: new Set() },
      context,
    );
    expect(withAnswer.similarity).toBeGreaterThan(without.similarity);
  });

  it("does not ask the answer to name a word the sentence uses as a verb, though English mostly uses it as a noun ('request')", () => {
    const refunds = correction("how do i get refunds", "Refunds are paid within 30 days.");
    const asVerb = matchCorrection(customer("when can i request refunds"), refunds, context);
    const asNoun = matchCorrection(customer("where is my refund request"), refunds, context);
    expect(asVerb.unsaid).toEqual([]);
    expect(asNoun.unsaid.map((u) => u.word)).toContain("request");
  });

  it("weighs a chat spelling the sentence uses as a pronoun ('ya') as little as a framing word", () => {
    const plugs = correction("which plugs does japan use", "Japan uses Type A plugs.");
    const chat = matchCorrection(customer("can ya tell me which plugs japan uses"), plugs, context);
    const thing = matchCorrection(customer("can tubes tell me which plugs japan uses"), plugs, context);
    expect(chat.similarity).toBeGreaterThan(thing.similarity);
  });

  it("does not take a swearword the customer adds for a thing the answer must name", () => {
    const lexicon = buildLexicon(languageTools("en"), []);
    const swearing = {
      ...context,
      isNoun: () => true,
      isExpletive: (word: string) => lexicon.isExpletive(word),
    };
    const guarantee = correction("I want to check your money back guarantee", "Damaged items are refunded.");
    const match = matchCorrection(
      customer("i need to see your fucking money back guarantee"),
      guarantee,
      swearing,
    );
    expect(match.unsaid).toEqual([]);
    const plain = matchCorrection(customer("i need to see your money back guarantee"), guarantee, swearing);
    expect(match.similarity).toBeGreaterThan(plain.similarity * 0.8);
    // Not every word WordNet files under swearing is one: "tool" used as a noun is a thing.
    const tool = matchCorrection(
      customer("i need to see your tool money back guarantee"),
      guarantee,
      swearing,
    );
    expect(tool.unsaid.map((u) => u.word)).toEqual(["tool"]);
  });
});
