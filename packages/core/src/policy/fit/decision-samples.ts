import type { DecisionCounts, Review } from "@handoff/contracts";
import { SCORE_DECIDED_REASONS, type FitSample } from "./fit-sample";

/** How one person's decision on a draft counts: approved unchanged is right; anything else is not. */
type Outcome = Exclude<keyof DecisionCounts, "total">;

function outcomeOf(review: Review): Outcome | null {
  // A pause that ran out (no one decided) says nothing about the draft.
  if (review.status !== "decided" || !review.decision || review.decidedBy === null) return null;
  if (review.kind === "handoff") return "takenOver";
  switch (review.decision.type) {
    case "approve":
      return "approved";
    case "edit":
    case "choose":
    case "guide":
      return "edited";
    case "reject":
      return "rejected";
    case "takeover":
      return "takenOver";
  }
}

/** A decided draft as a fitting sample, with the confidence score it was routed with. */
export type DecisionSample = FitSample & { score: number };

/** The numeric parts of a stored confidence, by name. */
export function numericParts(parts: Readonly<Record<string, number | undefined>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(parts).filter((e): e is [string, number] => typeof e[1] === "number"),
  );
}

/**
 * The fitting samples of a deployment's decided reviews: each draft's confidence parts (as its
 * review packet stored them), right when a person approved it unchanged. Samples are split into
 * `periods` consecutive groups of equal size by creation time, so the fit is validated on periods it
 * was not fitted on.
 */
export function decisionSamples(
  reviews: readonly Review[],
  periods = 4,
): { samples: DecisionSample[]; counts: DecisionCounts } {
  const counts: DecisionCounts = { total: 0, approved: 0, edited: 0, rejected: 0, takenOver: 0 };
  const labelled = [...reviews]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .flatMap((review) => {
      const outcome = outcomeOf(review);
      if (!outcome) return [];
      counts.total++;
      counts[outcome]++;
      return [{ review, right: outcome === "approved" }];
    });
  const samples = labelled.map(({ review, right }, i): DecisionSample => {
    const packet = review.packet;
    const hasDraft = review.kind === "approval" || review.packet.attempted.length > 0;
    return {
      group: `period ${Math.floor((i * periods) / labelled.length) + 1} of ${periods}`,
      parts: numericParts(packet.confidence.parts),
      right,
      eligible: hasDraft && SCORE_DECIDED_REASONS.has(packet.routeReason),
      answerable: right,
      risky: packet.riskFlags.length > 0,
      score: packet.confidence.score,
    };
  });
  return { samples, counts };
}
