import { describe, expect, it } from "vitest";
import { AuditEntry, AuditEvent } from "./audit";

const row = (action: string, details: Record<string, unknown>) => ({
  id: "e1",
  at: "2026-01-01T00:00:00.000Z",
  actor: { type: "system", id: null, name: null },
  action,
  conversationId: "c1",
  details,
});

describe("typed audit details", () => {
  it("read a routed message's route, reason and round as typed fields", () => {
    const event = AuditEvent.parse(
      row("message.routed", { route: "handoff", reason: "low_confidence", round: 1 }),
    );
    expect(
      event.action === "message.routed" && [event.details.route, event.details.reason, event.details.round],
    ).toEqual(["handoff", "low_confidence", 1]);
  });

  it("read an old row leniently: a field that does not fit reads as missing, the rest is kept", () => {
    const event = AuditEvent.parse(
      row("review.decided", { decision: "approve", waitedMs: 1200, category: "billing", note: "old" }),
    );
    expect(event.details).toEqual({ waitedMs: 1200, category: "billing", note: "old" });
  });

  it("read a redacted row with only its neutral fields", () => {
    const event = AuditEvent.parse(row("conversation.rated", { redacted: true, score: 4 }));
    expect(event.action === "conversation.rated" && event.details.score).toBe(4);
    expect(event.action === "conversation.rated" && event.details.comment).toBeUndefined();
  });

  it("read who a handoff went from and to as typed fields, and an erased contact without its email", () => {
    const moved = AuditEvent.parse(
      row("handoff.reassigned", { reviewId: "r1", from: null, to: { id: "u2", name: "Ben" } }),
    );
    expect(moved.action === "handoff.reassigned" && [moved.details.from, moved.details.to?.name]).toEqual([
      null,
      "Ben",
    ]);
    const returned = AuditEvent.parse(row("handoff.returned", { reviewId: "r1", from: "u1" }));
    expect(returned.action === "handoff.returned" && returned.details.from).toBeUndefined();
    const erased = AuditEvent.parse(row("contact.left", { redacted: true }));
    expect(erased.action === "contact.left" && erased.details.email).toBeUndefined();
  });

  it("keep free details for actions that are not typed yet", () => {
    expect(AuditEvent.parse(row("kb.imported", { imported: 3 })).details).toEqual({ imported: 3 });
  });

  it("refuse an entry whose action is not audited", () => {
    expect(AuditEntry.safeParse({ ...row("message.deleted", {}) }).success).toBe(false);
  });
});
