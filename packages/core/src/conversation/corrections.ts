import {
  humanAnswer,
  type Actor,
  type ApprovalReview,
  type Message,
  type ReviewDecision,
} from "@handoff/contracts";
import { newCorrection } from "../feedback/new-correction";
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
  const answer = humanAnswer(decision, [review.packet.draft, ...review.packet.alternatives]);
  if (!answer) return;
  const { correction, created } = await deps.store.corrections.create(
    newCorrection({
      question: review.packet.question,
      answer,
      draft: review.packet.draft.text,
      reason: decision.type === "reject" ? decision.reason : decision.type,
      tags: review.packet.draft.sources.map((s) => s.id),
      conversationId: review.conversationId,
      sourceKey: `review:${review.id}`,
      createdBy: actor.id,
    }),
  );
  if (!created) return;
  await deps.store.audit.append({
    actor,
    action: "correction.created",
    conversationId: review.conversationId,
    details: { correctionId: correction.id, reviewId: review.id },
  });
}

/**
 * An agent's reply during a takeover answers the customer's latest question: it becomes a pending
 * correction, once per question (keyed by the question's sequence number). When the customer gave a
 * bot answer a thumbs-down since the last agent reply, the reply corrects that answer instead.
 */
export async function recordTakeoverAnswer(
  deps: { store: Store },
  input: { conversationId: string; answer: string; actor: Actor },
): Promise<void> {
  const recent = await deps.store.messages.listRecent(input.conversationId, 30);
  const visible = recent.filter((m) => !m.internal && m.author !== "system");
  const sinceAgent = visible.slice(visible.findLastIndex((m) => m.author === "agent") + 1);
  const disputed = await thumbedDownAnswer(deps, input.conversationId, sinceAgent);
  const target = disputed ?? (await takeoverQuestion(deps, input.conversationId, sinceAgent));
  if (!target) return;
  const { correction, created } = await deps.store.corrections.create(
    newCorrection({
      question: target.question,
      answer: input.answer,
      draft: target.draft,
      reason: target.reason,
      conversationId: input.conversationId,
      sourceKey: target.sourceKey,
      createdBy: input.actor.id,
    }),
  );
  if (!created) return;
  await deps.store.audit.append({
    actor: input.actor,
    action: "correction.created",
    conversationId: input.conversationId,
    details: { correctionId: correction.id, from: target.reason },
  });
}

interface CorrectionTarget {
  question: string;
  draft: string | null;
  reason: "takeover" | "thumbs_down";
  sourceKey: string;
}

async function takeoverQuestion(
  deps: { store: Store },
  conversationId: string,
  sinceAgent: Message[],
): Promise<CorrectionTarget | null> {
  const question = sinceAgent.findLast((m) => m.author === "customer");
  if (!question) return null;
  const handoff = (await deps.store.reviews.listByConversation(conversationId)).findLast(
    (r) => r.kind === "handoff",
  );
  return {
    question: question.text,
    draft: handoff?.kind === "handoff" ? (handoff.packet.attempted[0]?.text ?? null) : null,
    reason: "takeover",
    sourceKey: `takeover:${conversationId}:${question.seq}`,
  };
}

/** The newest bot answer since the last agent reply that the customer marked unhelpful, with its question. */
async function thumbedDownAnswer(
  deps: { store: Store },
  conversationId: string,
  sinceAgent: Message[],
): Promise<CorrectionTarget | null> {
  const ratings = await deps.store.audit.list({ conversationId, action: "message.rated", limit: 50 });
  const latest = new Map<string, unknown>();
  // Newest first: the first rating seen per answer is the customer's final word on it.
  for (const e of ratings)
    if (!latest.has(String(e.details.messageId))) latest.set(String(e.details.messageId), e.details.rating);
  const index = sinceAgent.findLastIndex((m) => m.author === "bot" && latest.get(m.id) === "down");
  const answer = sinceAgent[index];
  const question = sinceAgent.slice(0, index).findLast((m) => m.author === "customer");
  if (!answer || !question) return null;
  return {
    question: question.text,
    draft: answer.text,
    reason: "thumbs_down",
    sourceKey: `thumbs:${answer.id}`,
  };
}
