import { describe, expect, it } from "vitest";
import type { RetrievalHit } from "../../ports/model";
import { extractAnswer } from "./extract";

const DELIVERY: RetrievalHit = {
  id: "delivery-times",
  kind: "article",
  title: "Delivery times",
  text: [
    "Parcels leave our depot within one working day. Parcels to the islands take 7 to 9 working days with economy delivery.",
    "",
    "- **Economy delivery** arrives in 4 to 6 working days.",
    "- **Priority delivery** arrives in 1 to 2 working days.",
  ].join("\n"),
  score: 0.9,
  matchedTerms: [],
};

describe("extractAnswer", () => {
  it("answers from the list item whose label names the topic, not a sentence that mentions it in passing", () => {
    const extract = extractAnswer(DELIVERY, ["long", "economy", "delivery", "take"], [], "duration");
    expect(extract.text).toBe("Economy delivery arrives in 4 to 6 working days.");
  });
});
