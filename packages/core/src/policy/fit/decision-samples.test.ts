import { Review, type ReviewDecision } from "@handoff/contracts";
import { describe, expect, it } from "vitest";
import { decisionSamples } from "./decision-samples";

const parts = { model: 0.8, retrieval: 0.7, margin: 0.5, coverage: 0.9, rules: 1 };

function approval(
  id: string,
  decision: ReviewDecision | null,
  over: { decidedBy?: string | null; routeReason?: string; createdAt?: string; flags?: number } = {},
) {
  return Review.parse({
    id,
    conversationId: `c-${id}`,
    threadId: `c-${id}`,
    status: decision ? "decided" : "pending",
    assigneeId: null,
    assigneeName: null,
    createdAt: over.createdAt ?? `2026-01-01T00:00:${id.padStart(2, "0")}.000Z`,
    deadline: "2026-01-02T00:00:00.000Z",
    decidedAt: decision ? "2026-01-01T01:00:00.000Z" : null,
    decidedBy: over.decidedBy === undefined ? "agent-1" : over.decidedBy,
    kind: "approval",
    decision,
    packet: {
      conversationId: `c-${id}`,
      question: "How long does shipping take?",
      recentTurns: [],
      draft: { id: "d1", text: "3 days", sources: [] },
      alternatives: [],
      confidence: { score: 0.6, parts },
      reasoning: "",
      sources: [],
      riskFlags: Array.from({ length: over.flags ?? 0 }, () => ({
        category: "money_movement",
        forces: "approval",
        evidence: "refund",
      })),
      routeReason: over.routeReason ?? "medium_confidence",
      guidance: [],
      deadline: "2026-01-02T00:00:00.000Z",
    },
  });
}

function handoff(id: string, attempted: number) {
  return Review.parse({
    id,
    conversationId: `c-${id}`,
    threadId: `c-${id}`,
    status: "decided",
    assigneeId: "agent-1",
    assigneeName: "Alex",
    createdAt: `2026-01-01T00:00:${id.padStart(2, "0")}.000Z`,
    deadline: "2026-01-02T00:00:00.000Z",
    decidedAt: "2026-01-01T01:00:00.000Z",
    decidedBy: "agent-1",
    kind: "handoff",
    decision: { type: "resolved" },
    packet: {
      conversationId: `c-${id}`,
      question: "My parcel never came",
      recentTurns: [],
      summary: "",
      attempted: Array.from({ length: attempted }, () => ({ id: "d", text: "t", sources: [] })),
      confidence: { score: 0.2, parts },
      reasoning: "",
      sources: [],
      riskFlags: [],
      routeReason: "low_confidence",
      failureReason: "",
      deadline: "2026-01-02T00:00:00.000Z",
    },
  });
}

describe("decisionSamples", () => {
  it("counts a draft approved unchanged as right and an edit, a choice, a guide, a rejection or a takeover as wrong", () => {
    const { samples, counts } = decisionSamples([
      approval("1", { type: "approve" }),
      approval("2", { type: "edit", text: "Shipping takes 3 to 5 days." }),
      approval("3", { type: "choose", draftId: "d2" }),
      approval("4", { type: "guide", instruction: "mention Alaska" }),
      approval("5", { type: "reject", reason: "wrong article" }),
      approval("6", { type: "takeover" }),
      handoff("7", 1),
    ]);
    expect(samples.map((s) => s.right)).toEqual([true, false, false, false, false, false, false]);
    expect(counts).toEqual({ total: 7, approved: 1, edited: 3, rejected: 1, takenOver: 2 });
    expect(samples[0]).toMatchObject({ parts, score: 0.6, answerable: true, eligible: true, risky: false });
  });

  it("leaves out pauses nobody decided: still pending, or decided by the deadline", () => {
    const { samples, counts } = decisionSamples([
      approval("1", null),
      approval("2", { type: "approve" }, { decidedBy: null }),
    ]);
    expect(samples).toEqual([]);
    expect(counts.total).toBe(0);
  });

  it("marks as not eligible a draft a risk rule routed, or a handoff with no draft to send", () => {
    const { samples } = decisionSamples([
      approval("1", { type: "approve" }, { routeReason: "risk_rule", flags: 1 }),
      approval("2", { type: "approve" }, { routeReason: "shadow_mode" }),
      handoff("3", 0),
    ]);
    expect(samples.map((s) => [s.eligible, s.risky])).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ]);
  });

  it("splits the decisions into consecutive periods of equal size by when the pause opened", () => {
    const reviews = Array.from({ length: 8 }, (_, i) => approval(String(8 - i), { type: "approve" }));
    const { samples } = decisionSamples(reviews, 4);
    expect(samples.map((s) => s.group)).toEqual([
      "period 1 of 4",
      "period 1 of 4",
      "period 2 of 4",
      "period 2 of 4",
      "period 3 of 4",
      "period 3 of 4",
      "period 4 of 4",
      "period 4 of 4",
    ]);
  });
});
