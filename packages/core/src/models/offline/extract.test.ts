import { describe, expect, it } from "vitest";
import type { Article } from "@handoff/contracts";
import { KnowledgeIndex } from "../../retrieval/knowledge-index";
import { expectedAnswerType } from "../../retrieval/answer-type";
import { extractAnswer } from "./extract";

const article = (id: string, title: string, body: string): Article => ({
  id,
  title,
  tags: [],
  body,
  updatedAt: "2025-01-01T00:00:00.000Z",
});

const index = new KnowledgeIndex();
index.setArticles([
  article(
    "delivery-times",
    "Delivery times",
    [
      "Parcels leave our depot within one working day. Parcels to the islands take 7 to 9 working days with economy delivery.",
      "",
      "- **Economy delivery** arrives in 4 to 6 working days.",
      "- **Priority delivery** arrives in 1 to 2 working days.",
    ].join("\n"),
  ),
  article(
    "payment",
    "Paying for your order",
    [
      "We accept these payment methods:",
      "",
      "- Visa, Mastercard and American Express cards",
      "- PayPal",
      "- Gift cards",
      "",
      "We do not accept cash on delivery or cheques.",
    ].join("\n"),
  ),
  article(
    "regions",
    "Where we deliver",
    "## Europe\n\nWe deliver to France and Spain.\n\n## Elsewhere\n\nWe do not deliver outside Europe.",
  ),
]);

const answer = (question: string) => {
  const hit = index.search(question).hits[0];
  return hit === undefined ? null : extractAnswer(hit, expectedAnswerType(question));
};

describe("extractAnswer", () => {
  it("answers from the list item that names the topic, not a sentence that mentions it in passing", () => {
    expect(answer("How long does economy delivery take?")?.text).toBe(
      "Economy delivery arrives in 4 to 6 working days.",
    );
  });

  it("answers a question about a list's subject with the whole list and its lead-in, never the lead-in alone", () => {
    const text = answer("What payment methods do you accept?")?.text ?? "";
    expect(text.startsWith("We accept these payment methods:\n- Visa")).toBe(true);
    expect(text).toContain("- Gift cards");
  });

  it("never answers with a heading alone", () => {
    expect(answer("Do you deliver to Spain?")?.text).toBe("We deliver to France and Spain.");
  });
});

describe("extractAnswer from an approved correction", () => {
  const boarding = (question: string) => {
    const text = "Boarding begins 40 minutes before departure.";
    return {
      id: "c-boarding",
      kind: "correction" as const,
      title: question,
      question,
      text,
      score: 1,
      matchedTerms: ["board"],
      passages: [{ text, kind: "sentence" as const, block: 0, index: 0, coverage: 1, own: 1, missing: [] }],
    };
  };

  it("states the kind of fact asked when the team gave the answer to a question asking for the same kind", () => {
    const asked = expectedAnswerType("What time is boarding scheduled?");
    const extract = extractAnswer(boarding("What time is boarding for my flight?"), asked);
    expect(extract?.statesAskedFact).toBe(true);
  });

  it("does not when the team's question asked for another kind of fact", () => {
    const asked = expectedAnswerType("What time is boarding scheduled?");
    const extract = extractAnswer(boarding("Where do I board my flight?"), asked);
    expect(extract?.statesAskedFact).toBe(false);
  });
});
