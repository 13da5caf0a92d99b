import { describe, expect, it } from "vitest";
import { AuditEvent, type AuditAction } from "@handoff/contracts";
import { redactAuditDetails } from "./redact-audit";

const event = (action: AuditAction, details: Record<string, unknown>): AuditEvent =>
  AuditEvent.parse({
    id: "e1",
    at: new Date().toISOString(),
    actor: { type: "customer", id: null, name: null },
    action,
    conversationId: "c1",
    details,
  });

describe("redacting an erased customer's audit events", () => {
  it("keeps what metrics count and drops the customer's words and contact details", () => {
    const routed = redactAuditDetails(
      event("message.routed", {
        route: "handoff",
        reason: "risk_rule",
        category: "billing",
        flags: [{ category: "legal", forces: "handoff", evidence: "I'll sue, my name is Ada Lovelace" }],
      }),
    );
    expect(routed).toEqual({
      redacted: true,
      route: "handoff",
      reason: "risk_rule",
      category: "billing",
      flags: [{ category: "legal", forces: "handoff" }],
    });
    expect(redactAuditDetails(event("contact.left", { email: "ada@example.com" }))).toEqual({
      redacted: true,
    });
    expect(
      redactAuditDetails(
        event("review.decided", { decision: { type: "edit", text: "Hi Ada" }, waitedMs: 5 }),
      ),
    ).toEqual({ redacted: true, decision: { type: "edit" }, waitedMs: 5 });
    expect(
      redactAuditDetails(event("handoff.requested", { reason: "Call me on 555-0100", status: "bot" })),
    ).toEqual({ redacted: true, status: "bot" });
    expect(
      JSON.stringify(redactAuditDetails(event("message.rated", { rating: "down", text: "Ada's order" }))),
    ).not.toContain("Ada");
  });
});
