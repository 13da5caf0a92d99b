import type { AuditEvent } from "@handoff/contracts";

/** Detail fields that name no one: ids, routes, scores, counts. Everything else may quote the customer. */
const NEUTRAL_FIELDS = new Set([
  "runId",
  "round",
  "category",
  "route",
  "confidence",
  "thresholds",
  "sources",
  "reviewId",
  "routeReason",
  "draftWords",
  "waitedMs",
  "score",
  "rating",
  "messageId",
  "correctionId",
  "outcome",
  "status",
  "from",
]);

/**
 * The details an audit event keeps once its conversation is erased: the neutral fields (so metrics
 * still count routes, decisions and ratings) and nothing that could hold the customer's words or
 * contact details. Decisions keep their type but not an edited text; risk flags keep their category
 * but not the quoted evidence; a route reason is kept, a customer's free-text reason is not.
 */
export function redactAuditDetails(event: AuditEvent): Record<string, unknown> {
  const kept: Record<string, unknown> = { redacted: true };
  for (const [key, value] of Object.entries(event.details)) {
    if (NEUTRAL_FIELDS.has(key)) kept[key] = value;
  }
  if (event.action === "message.routed" && typeof event.details.reason === "string")
    kept.reason = event.details.reason;
  const decisionType = typeOf(event.details.decision);
  if (decisionType !== undefined) kept.decision = { type: decisionType };
  if (Array.isArray(event.details.flags)) kept.flags = event.details.flags.map(typeOfFlag);
  return kept;
}

function typeOf(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string"
    ? value.type
    : undefined;
}

function typeOfFlag(flag: unknown): unknown {
  if (typeof flag !== "object" || flag === null) return null;
  return {
    category: "category" in flag ? flag.category : null,
    forces: "forces" in flag ? flag.forces : null,
  };
}
