import { describe, expect, it } from "vitest";
import { ApprovalPacket, HandoffPacket } from "@handoff/contracts";
import { ERASED_REASONING, ErasedCitations, WITHDRAWN_DRAFT_TEXT } from "./erased-citations";

const ERASED = "5b0c3a4e-0000-4000-8000-000000000001";
const erased = new ErasedCitations([
  { id: ERASED, answer: "Done, Ada: your plan ends today.", createdAt: "2026-01-02T10:00:00.000Z" },
]);

const correctionRef = { id: ERASED, kind: "correction", title: "Cancel Ada's plan today?", score: 1 };
const articleRef = { id: "cancel", kind: "article", title: "Cancelling", score: 0.6 };
const fromCorrection = { id: "r0d1", text: "Done, Ada: your plan ends today.", sources: [correctionRef] };
const fromArticle = { id: "r0d2", text: "Cancel in Account > Plans.", sources: [articleRef] };

const approvalPacket = (drafts: (typeof fromArticle)[]) => {
  const [draft, ...alternatives] = drafts;
  return ApprovalPacket.parse({
    conversationId: "grace",
    question: "Can I cancel my plan today?",
    recentTurns: [],
    draft,
    alternatives,
    confidence: { score: 0.5, parts: { model: 1, retrieval: 1, margin: 0.4, coverage: 1, rules: 0.5 } },
    reasoning: 'An approved correction for a similar question ("Cancel Ada\'s plan today?") matches.',
    sources: [correctionRef, articleRef],
    riskFlags: [],
    routeReason: "risk_rule",
    guidance: [],
    deadline: "2026-01-03T10:00:00.000Z",
  });
};

describe("removing an erased correction from what other conversations keep", () => {
  it("an approval packet shows the next draft in place of one drawn from it, without the source or the reasoning that quoted it", () => {
    const scrubbed = ApprovalPacket.parse(erased.scrub(approvalPacket([fromCorrection, fromArticle])));
    expect(scrubbed.draft).toEqual(fromArticle);
    expect(scrubbed.alternatives).toEqual([]);
    expect(scrubbed.sources).toEqual([articleRef]);
    expect(scrubbed.reasoning).toBe(ERASED_REASONING);
    expect(scrubbed.question).toBe("Can I cancel my plan today?");
    expect(JSON.stringify(scrubbed)).not.toMatch(/Ada/);
  });

  it("a packet whose only draft came from it keeps a withdrawn notice for the agent instead", () => {
    const scrubbed = ApprovalPacket.parse(erased.scrub(approvalPacket([fromCorrection])));
    expect(scrubbed.draft).toEqual({ id: "r0d1", text: WITHDRAWN_DRAFT_TEXT, sources: [] });
    expect(JSON.stringify(scrubbed)).not.toMatch(/Ada/);
  });

  it("graph state loses the hit, the drafts and model drafts that cited it, and quoted text in summaries", () => {
    const state = {
      question: "Can I cancel my plan today?",
      retrieval: {
        hits: [
          {
            ...correctionRef,
            text: "Done, Ada: your plan ends today.",
            question: "Cancel Ada's plan today?",
          },
          { ...articleRef, text: "Cancel in Account > Plans." },
        ],
        coverage: 1,
      },
      modelDraft: {
        drafts: [
          { text: fromCorrection.text, sourceIds: [ERASED] },
          { text: fromArticle.text, sourceIds: ["cancel"] },
        ],
        reasoning: "quoting Ada",
      },
      drafts: [fromCorrection, fromArticle],
      attempted: [fromCorrection],
      packet: HandoffPacket.parse({
        conversationId: "grace",
        question: "Can I cancel my plan today?",
        recentTurns: [],
        summary: `Latest message: Can I cancel my plan today?\nThe bot's best draft: ${fromCorrection.text}`,
        attempted: [fromCorrection],
        confidence: { score: 0.1, parts: { model: 0, retrieval: 0, margin: 0, coverage: 0, rules: 0 } },
        reasoning: "Ada",
        sources: [correctionRef],
        riskFlags: [],
        routeReason: "low_confidence",
        failureReason: "low",
        deadline: "2026-01-03T10:00:00.000Z",
      }),
      versions: { drafts: 3 },
    };
    const scrubbed = erased.scrub(state);
    expect(JSON.stringify(scrubbed)).not.toMatch(/Ada/);
    expect(scrubbed).toMatchObject({
      question: "Can I cancel my plan today?",
      retrieval: { hits: [{ id: "cancel" }], coverage: 1 },
      modelDraft: { drafts: [{ sourceIds: ["cancel"] }], reasoning: ERASED_REASONING },
      drafts: [fromArticle],
      attempted: [],
      packet: { attempted: [], sources: [], summary: expect.stringContaining("(withdrawn)") },
      versions: { drafts: 3 },
    });
  });

  it("leaves what cites it nowhere untouched, and says so", () => {
    expect(erased.scrub({ ...approvalPacket([fromArticle]), sources: [articleRef] })).toBeUndefined();
    expect(erased.scrub({ text: "Done, Ada: your plan ends today.", sources: [] })).toBeUndefined();
    expect(erased.scrub([articleRef])).toBeUndefined();
    expect(erased.scrub("Cancel Ada's plan today?")).toBeUndefined();
  });

  it("a message's sources lose the reference to it and keep the others", () => {
    expect(erased.scrub([correctionRef, articleRef])).toEqual([articleRef]);
  });

  it("looks no further back than the oldest erased correction, less an hour for clock skew", () => {
    expect(erased.since.toISOString()).toBe("2026-01-02T09:00:00.000Z");
    expect(erased.correctionIds).toEqual([ERASED]);
    expect(erased.answers).toEqual(["Done, Ada: your plan ends today."]);
  });
});
