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

/**
 * An agent's reply during a takeover answers the customer's latest question: it becomes a pending
 * correction, once per question (keyed by the question's sequence number).
 */
export async function recordTakeoverAnswer(
  deps: { store: Store },
  input: { conversationId: string; answer: string; actor: Actor },
): Promise<void> {
  const recent = await deps.store.messages.listRecent(input.conversationId, 30);
  const visible = recent.filter((m) => !m.internal && m.author !== "system");
  const lastAgentAt = visible.findLastIndex((m) => m.author === "agent");
  const question = visible.slice(lastAgentAt + 1).findLast((m) => m.author === "customer");
  if (!question) return;
  const handoff = (await deps.store.reviews.listByConversation(input.conversationId)).findLast(
    (r) => r.kind === "handoff",
  );
  const attempted = handoff?.kind === "handoff" ? (handoff.packet.attempted[0]?.text ?? null) : null;
  const { correction, created } = await deps.store.corrections.create({
    id: randomUUID(),
    question: question.text,
    answer: input.answer,
    draft: attempted,
    status: "pending",
    reason: "takeover",
    tags: [],
    conversationId: input.conversationId,
    sourceKey: `takeover:${input.conversationId}:${question.seq}`,
    createdBy: input.actor.id,
    createdAt: new Date().toISOString(),
    reviewedBy: null,
    reviewedAt: null,
  });
  if (!created) return;
  await deps.store.audit.append({
    actor: input.actor,
    action: "correction.created",
    conversationId: input.conversationId,
    details: { correctionId: correction.id, from: "takeover" },
  });
}
