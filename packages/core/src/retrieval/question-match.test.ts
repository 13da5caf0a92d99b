import { describe, expect, it } from "vitest";
import { questionSimilarity, questionTermWeights, type QueryTerm } from "./question-match";

const plain = (...terms: string[]): QueryTerm[] => terms.map((term) => ({ term, alternatives: [] }));

describe("questionTermWeights", () => {
  const weight = questionTermWeights([
    new Set(["help", "check", "refund", "policy"]),
    new Set(["help", "check", "payment", "method"]),
    new Set(["help", "cancel", "fee"]),
  ]);

  it("weighs a word every question says less than the thing one question asks about", () => {
    expect(weight("help")).toBeLessThan(weight("check"));
    expect(weight("check")).toBeLessThan(weight("refund"));
  });

  it("weighs a word no question says most, at 1", () => {
    expect(weight("kayak")).toBe(1);
    expect(weight("refund")).toBeLessThan(1);
  });
});

describe("questionSimilarity", () => {
  const weight = questionTermWeights([
    new Set(["phone", "number", "contact", "customer", "support"]),
    new Set(["close", "account"]),
    new Set(["edit", "account"]),
    new Set(["help", "check", "payment", "method"]),
    new Set(["help", "check", "refund", "policy"]),
  ]);

  it("rates a paraphrase that asks the same thing in other common words above a near miss sharing a word", () => {
    const paraphrase = questionSimilarity(
      plain("help", "check", "payment", "option"),
      new Set(["help", "check", "payment", "method"]),
      weight,
    );
    const nearMiss = questionSimilarity(
      plain("use", "another", "account"),
      new Set(["close", "account"]),
      weight,
    );
    expect(paraphrase.similarity).toBeGreaterThan(0.5);
    expect(nearMiss.similarity).toBeLessThan(0.4);
    expect(paraphrase.similarity).toBeGreaterThan(nearMiss.similarity + 0.2);
  });

  it("is 1 for the same question, whatever order its words come in", () => {
    const same = questionSimilarity(plain("account", "edit"), new Set(["edit", "account"]), weight);
    expect(same).toEqual({ similarity: 1, covered: 1, asked: 1 });
  });

  it("counts a synonym at its factor, both ways", () => {
    const withSynonym: QueryTerm[] = [
      { term: "telephone", alternatives: [{ term: "phone", factor: 0.6 }] },
      ...plain("number", "contact", "customer", "support"),
    ];
    const question = new Set(["phone", "number", "contact", "customer", "support"]);
    const matched = questionSimilarity(withSynonym, question, weight);
    const unmatched = questionSimilarity(
      plain("telephone", "number", "contact", "customer", "support"),
      question,
      weight,
    );
    expect(matched.similarity).toBeGreaterThan(unmatched.similarity);
    expect(matched.similarity).toBeLessThan(1);
  });

  it("is low when the other question asks much more than the customer did", () => {
    const broader = questionSimilarity(
      plain("refund"),
      new Set(["help", "check", "refund", "policy", "fee", "cancel"]),
      weight,
    );
    expect(broader.covered).toBe(1);
    expect(broader.asked).toBeLessThan(0.5);
    expect(broader.similarity).toBeLessThan(0.65);
  });

  it("is 0 for an empty question", () => {
    expect(questionSimilarity([], new Set(["refund"]), weight).similarity).toBe(0);
  });
});
