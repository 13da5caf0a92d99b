import { describe, expect, it } from "vitest";
import { Review } from "@handoff/contracts";
import { itemsFor } from "./inbox-items";
import { emptyInbox, inboxReducer } from "./inbox-state";

const confidence = {
  score: 0.5,
  parts: { model: 0.5, retrieval: 0.5, margin: 0.5, coverage: 0.5, rules: 0.5 },
};

// Parsed by the contract, so the fixture is exactly what the server would send.
function approval(id: string, deadline: string, status: Review["status"] = "pending"): Review {
  return Review.parse({
    id,
    kind: "approval",
    conversationId: `c-${id}`,
    threadId: id,
    status,
    assigneeId: null,
    assigneeName: null,
    createdAt: "2030-01-01T10:00:00.000Z",
    deadline,
    decidedAt: null,
    decidedBy: null,
    decision: null,
    packet: {
      conversationId: `c-${id}`,
      question: "q",
      recentTurns: [],
      draft: { id: "d", text: "t", sources: [] },
      alternatives: [],
      confidence,
      reasoning: "",
      sources: [],
      riskFlags: [],
      routeReason: "medium_confidence",
      guidance: [],
      deadline,
    },
  });
}

describe("the inbox", () => {
  it("orders items by urgency: the nearest deadline first", () => {
    const state = inboxReducer(emptyInbox, {
      type: "reviews",
      reviews: [
        approval("later", "2030-01-01T11:00:00.000Z"),
        approval("soon", "2030-01-01T10:05:00.000Z"),
        approval("overdue", "2030-01-01T09:00:00.000Z"),
      ],
    });
    expect(itemsFor(state, "approval", "u1").map((i) => i.key)).toEqual(["overdue", "soon", "later"]);
  });

  it("a late, stale copy of a review does not bring a decided item back", () => {
    const decided = inboxReducer(emptyInbox, {
      type: "reviews",
      reviews: [approval("r", "2030-01-01T11:00:00.000Z", "decided")],
    });
    const stale = inboxReducer(decided, {
      type: "reviews",
      reviews: [approval("r", "2030-01-01T11:00:00.000Z")],
    });
    expect(itemsFor(stale, "approval", "u1")).toEqual([]);
  });

  it("an erased customer's review leaves the inbox; other customers' stay", () => {
    const state = inboxReducer(emptyInbox, {
      type: "reviews",
      reviews: [approval("ada", "2030-01-01T11:00:00.000Z"), approval("grace", "2030-01-01T11:00:00.000Z")],
    });
    const erased = inboxReducer(state, { type: "erased", conversationId: "c-ada" });
    expect(itemsFor(erased, "approval", "u1").map((i) => i.key)).toEqual(["grace"]);
  });
});
