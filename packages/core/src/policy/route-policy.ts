import type { Confidence, Route, RouteReason, RiskFlag, Thresholds } from "@handoff/contracts";

/**
 * Decides where a message goes. Risk flags force their route whatever the confidence (a handoff flag
 * beats an approval flag; a request for a person is reported as such, other flags as a risk rule);
 * then an out-of-scope question goes to a person; otherwise the confidence score meets the
 * thresholds: auto at or above `auto`, approval at or above `review`, handoff below.
 */
export function decideRoute(input: {
  confidence: Confidence;
  flags: readonly RiskFlag[];
  outOfScope: boolean;
  thresholds: Thresholds;
}): { route: Route; reason: RouteReason } {
  const { confidence, flags, outOfScope, thresholds } = input;
  if (flags.some((f) => f.forces === "handoff")) {
    const asked = flags.some((f) => f.category === "human_request");
    return { route: "handoff", reason: asked ? "human_request" : "risk_rule" };
  }
  // An approval flag means a person must act (refund, cancel...), so the draft goes to them even when
  // confidence is low: the approver sees the flag, the draft and its support, and can take over.
  if (flags.length > 0) return { route: "approval", reason: "risk_rule" };
  if (outOfScope) return { route: "handoff", reason: "out_of_scope" };
  if (mayAutoSend(confidence.parts) && confidence.score >= thresholds.auto)
    return { route: "auto", reason: "high_confidence" };
  if (confidence.score >= thresholds.review) return { route: "approval", reason: "medium_confidence" };
  return { route: "handoff", reason: "low_confidence" };
}

/**
 * Whether routing could ever auto-send a draft with these confidence parts, whatever its score: no
 * risk flag lowered the rules part, the answer states the kind of fact asked for (an answer to
 * "how much" without an amount is never sent alone, however well its words match), the question
 * is not about the customer's own order or booking (general 0: a general answer cannot settle it),
 * and retrieval could tell the answer from another (a source that ties with one saying something
 * else, margin 0, whose passage leads no passage that says something else, lead 0, is a coin toss
 * however well both match). The fit chooses the auto threshold among these drafts only, since no
 * threshold sends the others.
 */
export function mayAutoSend(parts: Readonly<Record<string, number | undefined>>): boolean {
  const tossUp = parts.margin === 0 && parts.lead === 0;
  return (
    parts.fact !== 0 && parts.general !== 0 && !tossUp && (parts.rules === undefined || parts.rules >= 1)
  );
}
