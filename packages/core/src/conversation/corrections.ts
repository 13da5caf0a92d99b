import {
  humanAnswer,
  packetDrafts,
  type Actor,
  type ApprovalReview,
  type Message,
  type ReviewDecision,
} from "@handoff/contracts";
import { newCorrection } from "../feedback/new-correction";
import type { Store } from "../ports";
import { isSubstantiveAnswer, isSubstantiveQuestion } from "./takeover-pairing";

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
  const answer = humanAnswer(decision, packetDrafts(review.packet));
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
 * An agent's substantive reply during a takeover answers what the customer asked since the agent's
 * last answer (from the message that caused the handoff on): it becomes a pending correction, once per
 * question (keyed by the question's sequence number). Greetings, holding lines, questions back and a
 * bare request for a person are neither question nor answer; when it is unclear what the reply answers
 * (nothing asked, or more than a few messages) no correction is made. When the customer gave a bot
 * answer a thumbs-down since the agent's last answer, the reply corrects that answer instead.
 */
export async function recordTakeoverAnswer(
  deps: { store: Store },
  input: { conversationId: string; answer: string; actor: Actor },
): Promise<void> {
  if (!isSubstantiveAnswer(input.answer)) return;
  const recent = await deps.store.messages.listRecent(input.conversationId, 40);
  const visible = recent.filter((m) => !m.internal && m.author !== "system");
  const sinceAgent = visible.slice(
    visible.findLastIndex((m) => m.author === "agent" && isSubstantiveAnswer(m.text)) + 1,
  );
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

/** At most this many customer messages make one question; more, and what the answer answers is unclear. */
const MAX_QUESTION_PARTS = 3;

async function takeoverQuestion(
  deps: { store: Store },
  conversationId: string,
  sinceAgent: Message[],
): Promise<CorrectionTarget | null> {
  const handoff = (await deps.store.reviews.listByConversation(conversationId)).findLast(
    (r) => r.kind === "handoff",
  );
  // The handoff's run is named after the customer message that caused it (conversation:seq).
  const from = Number(/^[^:]+:(\d+)/.exec(handoff?.threadId ?? "")?.[1] ?? 0);
  const asked = sinceAgent.filter(
    (m) => m.author === "customer" && m.seq >= from && isSubstantiveQuestion(m.text),
  );
  const last = asked.at(-1);
  if (!last || asked.length > MAX_QUESTION_PARTS) return null;
  return {
    question: asked.map((m) => m.text).join(" "),
    draft: handoff?.kind === "handoff" ? (handoff.packet.attempted[0]?.text ?? null) : null,
    reason: "takeover",
    sourceKey: `takeover:${conversationId}:${last.seq}`,
  };
}

/** The newest bot answer since the agent's last answer that the customer marked unhelpful, with its question. */
async function thumbedDownAnswer(
  deps: { store: Store },
  conversationId: string,
  sinceAgent: Message[],
): Promise<CorrectionTarget | null> {
  const ratings = await deps.store.audit.list({ conversationId, action: "message.rated", limit: 50 });
  const latest = new Map<string, "up" | "down" | undefined>();
  // Newest first: the first rating seen per answer is the customer's final word on it.
  for (const e of ratings) {
    if (e.action !== "message.rated") continue;
    const { messageId = "", rating } = e.details;
    if (!latest.has(messageId)) latest.set(messageId, rating);
  }
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
