import type { Confidence, Route, RouteReason, RiskFlag, Thresholds } from "@handoff/contracts";

/**
 * Decides where a message goes. Risk flags force at least their route whatever the confidence
 * (a handoff flag beats an approval flag); an out-of-scope question goes to a person; otherwise the
 * confidence score is compared with the thresholds: auto at or above `auto`, approval at or above
 * `review`, handoff below.
 */
export function decideRoute(input: {
  confidence: Confidence;
  flags: readonly RiskFlag[];
  outOfScope: boolean;
  thresholds: Thresholds;
}): { route: Route; reason: RouteReason } {
  const { confidence, flags, outOfScope, thresholds } = input;
  const handoffFlags = flags.filter((f) => f.forces === "handoff");
  if (handoffFlags.length > 0) {
    // Asking for a person is the customer's choice, not a risk: it gets its own reason.
    const onlyHuman = handoffFlags.every((f) => f.category === "human_request");
    return { route: "handoff", reason: onlyHuman ? "human_request" : "risk_rule" };
  }
  if (outOfScope) return { route: "handoff", reason: "out_of_scope" };
  const score = confidence.score;
  if (flags.length > 0) {
    return score >= thresholds.review
      ? { route: "approval", reason: "risk_rule" }
      : { route: "handoff", reason: "low_confidence" };
  }
  if (score >= thresholds.auto) return { route: "auto", reason: "high_confidence" };
  if (score >= thresholds.review) return { route: "approval", reason: "medium_confidence" };
  return { route: "handoff", reason: "low_confidence" };
}
