import { describe, expect, it } from "vitest";
import { AuditAction, AuditEntry, AuditEvent } from "./audit";

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

  it("give every audited action a details schema that reads an empty row", () => {
    const unread = AuditAction.options.filter((action) => !AuditEvent.safeParse(row(action, {})).success);
    expect(unread).toEqual([]);
  });

  it("read an invitation's typed fields, and a role no longer known as missing", () => {
    const invited = AuditEvent.parse(
      row("user.invited", { email: "ada@example.com", role: "owner", linkId: "l1", mail: "sent" }),
    );
    expect(invited.action === "user.invited" && invited.details).toEqual({
      email: "ada@example.com",
      linkId: "l1",
      mail: "sent",
    });
  });

  it("read actions that share a schema with their own action, and narrow each one", () => {
    const revoked = AuditEvent.parse(
      row("api_key.revoked", { apiKeyId: "k1", name: "CRM", prefix: "hk_ab", scopes: ["audit:read"] }),
    );
    expect(revoked.action).toBe("api_key.revoked");
    expect(revoked.action === "api_key.revoked" && revoked.details.scopes).toEqual(["audit:read"]);
    const deactivated = AuditEvent.parse(row("user.deactivated", { userId: "u1", returnedHandoffs: 2 }));
    expect(deactivated.action === "user.deactivated" && deactivated.details.returnedHandoffs).toBe(2);
  });

  it("read an erased customer's request for a person with its status but without their words", () => {
    const requested = AuditEvent.parse(row("handoff.requested", { redacted: true, status: "bot" }));
    expect(requested.action === "handoff.requested" && requested.details).toEqual({
      redacted: true,
      status: "bot",
    });
    const released = AuditEvent.parse(row("handoff.released", { reviewId: "r1", outcome: "gone" }));
    expect(released.action === "handoff.released" && released.details).toEqual({ reviewId: "r1" });
  });

  it("read where a correction came from: a decision's review or an agent's answer", () => {
    const fromReview = AuditEvent.parse(row("correction.created", { correctionId: "c1", reviewId: "r1" }));
    const fromAnswer = AuditEvent.parse(
      row("correction.created", { correctionId: "c2", from: "thumbs_down" }),
    );
    expect(fromReview.action === "correction.created" && fromReview.details.reviewId).toBe("r1");
    expect(fromAnswer.action === "correction.created" && fromAnswer.details.from).toBe("thumbs_down");
  });

  it("keep a team or settings snapshot whole, whatever its schema has become", () => {
    const before = { id: "t1", name: "Billing", retiredField: 1 };
    const team = AuditEvent.parse(row("team.deleted", { teamId: "t1", before }));
    expect(team.action === "team.deleted" && team.details.before).toEqual(before);
  });

  it("check an entry's details by its action when it is written", () => {
    const entry = {
      actor: { type: "user", id: "u1", name: "Sam" },
      conversationId: null,
      action: "webhook.updated",
      details: {
        webhookId: "w1",
        url: "https://example.com/hook",
        events: ["review.opened"],
        changed: ["url"],
      },
    };
    expect(AuditEntry.parse(entry).details).toEqual(entry.details);
    // A value that does not fit is not stored (and the compiler refuses it in core's writers).
    const wrong = AuditEntry.parse({ ...entry, details: { ...entry.details, events: ["no.such.event"] } });
    expect(wrong.action === "webhook.updated" && wrong.details.events).toBeUndefined();
  });

  it("refuse an entry whose action is not audited", () => {
    expect(AuditEntry.safeParse({ ...row("message.deleted", {}) }).success).toBe(false);
  });
});
