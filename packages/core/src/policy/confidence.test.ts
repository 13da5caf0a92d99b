import { describe, expect, it } from "vitest";
import type { RiskFlag } from "@handoff/contracts";
import type { ModelDraft, RetrievalResult } from "../ports/model";
import { CONFIDENCE_WEIGHTS, buildConfidence, precedentAgreeing } from "./confidence";
import { decideRoute } from "./route-policy";
import { FITTED_CONFIDENCE } from "./fitted-confidence";

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
    const confidence = buildConfidence({ draft, retrieval, flags: [], fitted: null });
    expect(confidence.parts).toEqual({
      model: 0.9,
      retrieval: 0.8,
      margin: 0.5,
      coverage: 1,
      rules: 1,
      correction: 0,
      asked: 1,
      precedent: 0,
    });
    const w = CONFIDENCE_WEIGHTS;
    expect(confidence.score).toBeCloseTo(
      w.model * 0.9 + w.retrieval * 0.8 + w.margin * 0.5 + w.coverage * 1,
      3,
    );
  });

  it("a confident model without retrieval support does not reach a high score", () => {
    const unsupported = { ...retrieval, hits: [], coverage: 0, margin: 0.9 };
    expect(
      buildConfidence({
        draft: { ...draft, selfConfidence: 1 },
        retrieval: unsupported,
        flags: [],
        fitted: null,
      }).score,
    ).toBeLessThan(0.4);
  });

  it("risk flags lower the rules part, a handoff flag more than an approval flag", () => {
    const approval = buildConfidence({ draft, retrieval, flags: [refundFlag], fitted: null });
    const handoff = buildConfidence({ draft, retrieval, flags: [lawyerFlag], fitted: null });
    expect(approval.parts.rules).toBeLessThan(1);
    expect(handoff.parts.rules).toBeLessThan(approval.parts.rules);
    expect(handoff.score).toBeLessThan(approval.score);
  });

  it("an out-of-scope draft is no more confident than its retrieval support", () => {
    const weak = { ...retrieval, hits: retrieval.hits.map((h) => ({ ...h, score: 0.2 })) };
    expect(
      buildConfidence({ draft: { ...draft, outOfScope: true }, retrieval: weak, flags: [], fitted: null })
        .score,
    ).toBeLessThanOrEqual(0.2);
  });

  it("scores an offline answer with the fitted confidence: a well-supported answer above its auto threshold", () => {
    const offline: ModelDraft = { ...draft, signals: { answer: 1, fact: 1, lead: 0.9, own: 1 } };
    const supported = {
      ...retrieval,
      unknown: 0,
      general: 1,
      hits: retrieval.hits.map((h) => ({ ...h, topical: 1, score: 0.95 })),
      margin: 0.9,
    };
    const strong = buildConfidence({
      draft: { ...offline, selfConfidence: 0.97 },
      retrieval: supported,
      flags: [],
    });
    expect(strong.parts).toMatchObject({ answer: 1, fact: 1, known: 1, topic: 1, correction: 0, own: 1 });
    expect(strong.score).toBeGreaterThanOrEqual(FITTED_CONFIDENCE.thresholds.auto);
    const vague = buildConfidence({
      draft: { ...offline, selfConfidence: 0.4, signals: { answer: 0.4, fact: 1, lead: 0.05, own: 0.4 } },
      retrieval: {
        ...supported,
        unknown: 0.6,
        margin: 0.05,
        hits: supported.hits.map((h) => ({ ...h, score: 0.4, topical: 0 })),
      },
      flags: [],
    });
    expect(vague.score).toBeLessThan(FITTED_CONFIDENCE.thresholds.auto);
    expect(vague.score).toBeLessThan(strong.score);
  });

  it("says how much of a correction's question the customer asked, and 1 for an article", () => {
    const fromCorrection = {
      ...retrieval,
      hits: [{ ...retrieval.hits[0]!, id: "c1", kind: "correction" as const, asked: 0.4 }],
    };
    expect(
      buildConfidence({ draft, retrieval: fromCorrection, flags: [], fitted: null }).parts,
    ).toMatchObject({
      correction: 1,
      asked: 0.4,
    });
    expect(buildConfidence({ draft, retrieval, flags: [], fitted: null }).parts.asked).toBe(1);
  });
});

describe("answering from an approved correction to a like question", () => {
  const answer = "Our support team is on the phone at 1-888-555-0134 from 8 am to 8 pm.";
  const fitted = { ...FITTED_CONFIDENCE, precedent: { threshold: 0.6 } };
  const weakDraft: ModelDraft = {
    drafts: [{ text: answer, sourceIds: ["c-phone"] }],
    selfConfidence: 0.4,
    reasoning: "",
    outOfScope: false,
    category: "corrections",
    signals: { answer: 0.4, fact: 1, lead: 0.1, own: 0.3, support: 0 },
  };
  const fromCorrection = (
    similarity: number,
    unsaid: Array<{ term: string; word: string }> = [],
  ): RetrievalResult => ({
    query: "how do I talk with customer support?",
    hits: [
      {
        id: "c-phone",
        kind: "correction",
        title: "do you have a phone number to contact customer support?",
        text: answer,
        score: 0.45,
        matchedTerms: ["custom", "support"],
        topical: 0.5,
        asked: 0.4,
      },
    ],
    coverage: 0.5,
    margin: 0.3,
    keyTerms: ["talk", "custom", "support"],
    unknown: 0,
    general: 1,
    precedents: [{ id: "c-phone", similarity, answer, unsaid }],
  });
  const route = (retrieval: RetrievalResult) =>
    decideRoute({
      confidence: buildConfidence({ draft: weakDraft, retrieval, flags: [], fitted }),
      flags: [],
      outOfScope: false,
      thresholds: { auto: fitted.thresholds.auto, review: 0.4 },
    }).route;

  it("a paraphrase of an approved correction is answered from it, however partial its word match", () => {
    const retrieval = fromCorrection(0.8);
    expect(probabilityWithoutPrecedent(retrieval)).toBeLessThan(fitted.thresholds.auto);
    expect(buildConfidence({ draft: weakDraft, retrieval, flags: [], fitted }).parts.precedent).toBe(0.8);
    expect(route(retrieval)).toBe("auto");
  });

  it("a near miss of a correction goes to a person", () => {
    expect(route(fromCorrection(0.45))).not.toBe("auto");
  });

  it("a question naming a thing the correction never did is not answered from it unless the answer names it", () => {
    const spirit = fromCorrection(0.9, [{ term: "spirit", word: "spirit" }]);
    expect(precedentAgreeing(weakDraft, spirit)).toBe(0);
    expect(route(spirit)).not.toBe("auto");
    const named = { ...weakDraft, drafts: [{ text: `${answer} Spirit too.`, sourceIds: ["c-phone"] }] };
    expect(precedentAgreeing(named, spirit)).toBe(0.9);
  });

  it("reads what the quoted passage states: a thing it names through a synonym counts, one it misses does not", () => {
    const text = "We ship to the United States and Canada.";
    const usa = { term: "usa", word: "usa" };
    const withPassage = (missing: string[]): RetrievalResult => ({
      ...fromCorrection(0.9, [usa]),
      hits: [
        {
          id: "shipping",
          kind: "article",
          title: "Shipping",
          text,
          score: 0.6,
          matchedTerms: ["ship"],
          passages: [{ text, kind: "sentence", block: 0, index: 0, coverage: 1, own: 1, missing }],
        },
      ],
      precedents: [{ id: "c-ship", similarity: 0.9, answer: text, unsaid: [usa] }],
    });
    const draftQuoting = { ...weakDraft, drafts: [{ text, sourceIds: ["shipping"] }] };
    expect(precedentAgreeing(draftQuoting, withPassage([]))).toBe(0.9);
    expect(precedentAgreeing(draftQuoting, withPassage(["usa"]))).toBe(0);
  });

  it("a correction backs an answer that says what it says, or comes from the article it quotes, and no other", () => {
    const article = {
      id: "contact-us",
      kind: "article" as const,
      title: "Contact us",
      text: `Write to help@example.com. ${answer}`,
      score: 0.6,
      matchedTerms: ["support"],
    };
    const retrieval = { ...fromCorrection(0.8), hits: [article] };
    const fromArticle = {
      ...weakDraft,
      drafts: [{ text: "Write to help@example.com.", sourceIds: ["contact-us"] }],
    };
    expect(precedentAgreeing(fromArticle, retrieval)).toBe(0.8);
    const elsewhere = { ...weakDraft, drafts: [{ text: "Orders ship in 3 days.", sourceIds: ["shipping"] }] };
    expect(precedentAgreeing(elsewhere, retrieval)).toBe(0);
  });

  it("a correction backs an answer quoting an article passage that says what its answer says in other words", () => {
    const passage = "There is no cancellation fee, early termination fee or penalty for cancelling an order.";
    const draft = { ...weakDraft, drafts: [{ text: passage, sourceIds: ["cancellation-fees"] }] };
    const correctionAnswer = "There is no fee to cancel an order.";
    const backed = (restatedIn?: string[]): RetrievalResult => ({
      ...fromCorrection(0.7),
      precedents: [
        {
          id: "c-fee",
          similarity: 0.7,
          answer: correctionAnswer,
          unsaid: [],
          ...(restatedIn ? { restatedIn } : {}),
        },
      ],
    });
    expect(precedentAgreeing(draft, backed([passage]))).toBe(0.7);
    expect(precedentAgreeing(draft, backed())).toBe(0);
    expect(precedentAgreeing(draft, backed(["Orders ship in 3 days."]))).toBe(0);
  });

  it("a risk flag still decides, whatever the precedent", () => {
    const flag: RiskFlag = { category: "money_movement", forces: "approval", evidence: "refund" };
    const confidence = buildConfidence({
      draft: weakDraft,
      retrieval: fromCorrection(1),
      flags: [flag],
      fitted,
    });
    expect(
      decideRoute({ confidence, flags: [flag], outOfScope: false, thresholds: fitted.thresholds }).route,
    ).toBe("approval");
  });

  function probabilityWithoutPrecedent(retrieval: RetrievalResult): number {
    return buildConfidence({
      draft: weakDraft,
      retrieval,
      flags: [],
      fitted: { ...fitted, precedent: { threshold: null } },
    }).score;
  }
});
