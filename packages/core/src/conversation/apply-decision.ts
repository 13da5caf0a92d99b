import {
  decisionEffect,
  packetDrafts,
  type Actor,
  type ApprovalReview,
  type HandoffReview,
  type Review,
  type ReviewDecision,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { HandoffResume, ReviewResume } from "../graph";
import { closeHandoff } from "../graph/nodes/handoff";
import { approvedReply } from "../graph/nodes/review";
import { threadPosition } from "../graph/thread-position";
import { recordCorrection } from "./corrections";
import { resumeGraph, type Engine } from "./engine";
import { escalateNow } from "./escalate";
import { pauseSources } from "./lifecycle";
import { postMessage } from "./post-message";
import { settleMessages } from "./settle-messages";

/**
 * Records an agent's (or the deadline's, or the customer's) decision on a pending draft with a
 * compare-and-set, then applies it. Deciding twice sends once: the second is refused.
 * Runs inside the conversation's turn.
 */
export async function decideApproval(
  engine: Engine,
  review: ApprovalReview,
  decision: ReviewDecision,
  actor: Actor,
): Promise<Review> {
  const { store, notifier } = engine.deps;
  const decided = await store.reviews.decide(
    review.id,
    pauseSources("approval", "decide"),
    decision,
    actor.id,
  );
  if (!decided) {
    const current = await store.reviews.get(review.id);
    throw new DomainError("conflict", `this review was already ${current?.status ?? "closed"}`);
  }
  await store.audit.append({
    actor,
    action: "review.decided",
    conversationId: review.conversationId,
    details: {
      reviewId: review.id,
      decision,
      routeReason: review.packet.routeReason,
      category: review.packet.category,
      draftWords: review.packet.draft.text.split(/\s+/).length,
      waitedMs: Date.parse(decided.decidedAt ?? review.createdAt) - Date.parse(review.createdAt),
    },
  });
  // The customer is waiting on the resume, so it starts first; the consoles' update and the
  // correction are written while it runs (on a worker, in parallel).
  await Promise.all([
    applyRecorded(engine, decided, actor),
    (async () => {
      notifier.publish({ type: "review.decided", data: { review: decided } });
      await recordCorrection(engine.deps, review, decision, actor);
    })(),
  ]);
  return decided;
}

/** The resume value of a decided review, for the pause it belongs to. */
export function resumeFor(review: Review, actor: Actor): ReviewResume | HandoffResume | null {
  if (!review.decision) return null;
  return review.kind === "approval"
    ? { decision: review.decision, actor }
    : { outcome: review.decision.type, actor };
}

/**
 * Applies a recorded decision to the graph: resumes the thread only if it is paused on this very
 * review, with this review's resume value; a thread already past it needs nothing. Then deals with
 * the customer's messages that waited on the decision, and marks the review applied. Idempotent, so
 * recovery runs it again for a decision a crash interrupted. A decision whose pause is gone cannot be
 * applied: the conversation goes to a person.
 */
export async function applyRecorded(engine: Engine, review: Review, actor: Actor): Promise<void> {
  const { store } = engine.deps;
  // A message run that opened this pause and crashed before saving it is replayed first.
  await settleMessages(engine, review.conversationId);
  const position = await threadPosition(engine.deps.checkpointer, review.threadId);
  const resume = resumeFor(review, actor);
  let applied = true;
  if (position.kind === "paused" && position.reviewId === review.id && resume) {
    if (review.kind === "approval") await sendApprovedReply(engine, review, actor);
    await resumeGraph(engine, review.threadId, resume);
  } else if (position.kind === "none" || position.kind === "stopped") {
    applied = review.kind === "handoff" ? await closeWithoutGraph(engine, review) : false;
  }
  if (applied) await settleMessages(engine, review.conversationId);
  else
    await escalateNow(
      engine,
      review.conversationId,
      "its paused run was lost, so a decision could not be applied",
    );
  await store.reviews.markApplied(review.id);
}

/**
 * Sends the reply an approval decision chose before the graph resumes: the customer gets it without
 * waiting for the run to be handed to a worker, loaded and stepped. The resumed review node posts the
 * same message under the same key, which stores and sends nothing, then moves the conversation on.
 */
async function sendApprovedReply(engine: Engine, review: ApprovalReview, actor: Actor): Promise<void> {
  if (!review.decision) return;
  const effect = decisionEffect(review.decision, packetDrafts(review.packet));
  if (effect.kind !== "reply") return;
  await postMessage(engine.deps, approvedReply(engine.deps, review, effect.reply, actor));
}

/**
 * A handoff whose run never saved its pause (a person's request that crashed mid-step): ending it
 * needs nothing from the graph, so it is closed directly.
 */
async function closeWithoutGraph(engine: Engine, review: HandoffReview): Promise<boolean> {
  if (!review.decision) return false;
  await closeHandoff(engine.deps, {
    conversationId: review.conversationId,
    reviewId: review.id,
    outcome: review.decision.type,
  });
  return true;
}
