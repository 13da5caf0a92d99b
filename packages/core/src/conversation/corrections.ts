import { randomUUID } from "node:crypto";
import type { Actor, ApprovalReview, ReviewDecision } from "@handoff/contracts";
import type { Store } from "../ports";

/**
 * A human answer that differs from the bot's draft becomes a pending correction for a supervisor.
 * Keyed by review, so the same decision delivered twice is stored once.
 */
export async function recordCorrection(
  deps: { store: Store },
  review: ApprovalReview,
  decision: ReviewDecision,
  actor: Actor,
): Promise<void> {
  const answer = humanAnswer(review, decision);
  if (!answer || answer === review.packet.draft.text) return;
  const { correction, created } = await deps.store.corrections.create({
    id: randomUUID(),
    question: review.packet.question,
    answer,
    draft: review.packet.draft.text,
    status: "pending",
    reason: decision.type === "reject" ? decision.reason : decision.type,
    tags: review.packet.draft.sources.map((s) => s.id),
    conversationId: review.conversationId,
    sourceKey: `review:${review.id}`,
    createdBy: actor.id,
    createdAt: new Date().toISOString(),
    reviewedBy: null,
    reviewedAt: null,
  });
  if (!created) return;
  await deps.store.audit.append({
    actor,
    action: "correction.created",
    conversationId: review.conversationId,
    details: { correctionId: correction.id, reviewId: review.id },
  });
}

function humanAnswer(review: ApprovalReview, decision: ReviewDecision): string | null {
  switch (decision.type) {
    case "edit":
      return decision.text;
    case "choose":
      return review.packet.alternatives.find((d) => d.id === decision.draftId)?.text ?? null;
    case "reject":
      return decision.replacement ?? null;
    default:
      return null;
  }
}
