import { describe, expect, it } from "vitest";
import type { RiskFlag } from "@handoff/contracts";
import type { ModelDraft, RetrievalResult } from "../ports/model";
import { CONFIDENCE_WEIGHTS, buildConfidence } from "./confidence";

const draft: ModelDraft = {
  drafts: [{ text: "We accept PayPal.", sourceIds: ["payment-methods"] }],
  selfConfidence: 0.9,
  reasoning: "",
  outOfScope: false,
  category: "billing",
};
const retrieval: RetrievalResult = {
  query: "Do you take PayPal?",
  hits: [
    {
      id: "payment-methods",
      kind: "article",
      title: "Payment methods",
      text: "",
      score: 0.8,
      matchedTerms: ["paypal"],
    },
  ],
  coverage: 1,
  margin: 0.5,
  keyTerms: ["paypal"],
};
const refundFlag: RiskFlag = { category: "money_movement", forces: "approval", evidence: "refund me" };
const lawyerFlag: RiskFlag = { category: "legal", forces: "handoff", evidence: "sue" };

describe("buildConfidence", () => {
  it("combines the model's word with retrieval score, margin and coverage, and keeps every part", () => {
    const confidence = buildConfidence({ draft, retrieval, flags: [] });
    expect(confidence.parts).toEqual({ model: 0.9, retrieval: 0.8, margin: 0.5, coverage: 1, rules: 1 });
    const w = CONFIDENCE_WEIGHTS;
    expect(confidence.score).toBeCloseTo(
      w.model * 0.9 + w.retrieval * 0.8 + w.margin * 0.5 + w.coverage * 1,
      3,
    );
  });

  it("a confident model without retrieval support does not reach a high score", () => {
    const unsupported = { ...retrieval, hits: [], coverage: 0, margin: 0.9 };
    expect(
      buildConfidence({ draft: { ...draft, selfConfidence: 1 }, retrieval: unsupported, flags: [] }).score,
    ).toBeLessThan(0.4);
  });

  it("risk flags lower the rules part, a handoff flag more than an approval flag", () => {
    const approval = buildConfidence({ draft, retrieval, flags: [refundFlag] });
    const handoff = buildConfidence({ draft, retrieval, flags: [lawyerFlag] });
    expect(approval.parts.rules).toBeLessThan(1);
    expect(handoff.parts.rules).toBeLessThan(approval.parts.rules);
    expect(handoff.score).toBeLessThan(approval.score);
  });

  it("an out-of-scope draft is no more confident than its retrieval support", () => {
    const weak = { ...retrieval, hits: retrieval.hits.map((h) => ({ ...h, score: 0.2 })) };
    expect(
      buildConfidence({ draft: { ...draft, outOfScope: true }, retrieval: weak, flags: [] }).score,
    ).toBeLessThanOrEqual(0.2);
  });
});
