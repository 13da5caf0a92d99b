import type { Actor, ApprovalReview, Review, ReviewDecision } from "@handoff/contracts";
import { decideApproval } from "./apply-decision";
import { getConversation, type Engine } from "./engine";
import { postMessage } from "./post-message";

const DEADLINE_ACTOR: Actor = { type: "system", id: null, name: "deadline" };

/**
 * Applies the timeout policy to every pause whose deadline has passed. Deadlines live in the store,
 * so they hold across restarts; decisions are compare-and-set, so each applies once. One pause's
 * failure is logged with its conversation and never stops the sweep (a decision it recorded is
 * applied by recovery). Returns how many it applied.
 */
export async function applyDueDeadlines(engine: Engine, now: string): Promise<number> {
  const due = await engine.deps.store.reviews.listDue(now, 200);
  let applied = 0;
  for (const listed of due) {
    try {
      const done = await engine.queue.run(listed.conversationId, async () => {
        // Re-read inside the queue: an agent may have decided or claimed it since it was listed, and then
        // the customer must not be told it timed out.
        const review = await engine.deps.store.reviews.get(listed.id);
        if (review?.status !== "pending") return false;
        return review.kind === "approval"
          ? expireApproval(engine, review)
          : remindWaitingCustomer(engine, review);
      });
      if (done) applied++;
    } catch (err) {
      engine.logger.error(
        { err, conversationId: listed.conversationId, reviewId: listed.id },
        "applying a deadline failed",
      );
    }
  }
  return applied;
}

async function expireApproval(engine: Engine, review: ApprovalReview): Promise<boolean> {
  const settings = await engine.deps.settings();
  const conversation = await getConversation(engine, review.conversationId);
  const softGate =
    settings.approvalTimeoutPolicy === "auto_send" &&
    review.packet.riskFlags.length === 0 &&
    settings.softGateCategories.includes(conversation.category ?? "");
  if (!softGate && settings.approvalTimeoutPolicy !== "reject") {
    await postMessage(engine.deps, {
      conversationId: review.conversationId,
      clientId: `${review.id}:timeout`,
      author: "system",
      authorName: null,
      text: "Thanks for your patience. This needs a closer look, so I'm passing your conversation to our team now.",
      sources: [],
      internal: false,
    });
  }
  const decision: ReviewDecision = softGate
    ? { type: "approve" }
    : { type: "reject", reason: "No one decided on the draft before its deadline." };
  await decideApproval(engine, review, decision, DEADLINE_ACTOR);
  return true;
}

/** Nobody picked up a handoff in time: tell the customer once, and offer to reply by email. */
async function remindWaitingCustomer(engine: Engine, review: Review): Promise<boolean> {
  const { duplicate } = await postMessage(engine.deps, {
    conversationId: review.conversationId,
    clientId: `${review.id}:timeout`,
    author: "system",
    authorName: null,
    text: "Our team is busier than usual. Leave your email and we'll reply as soon as someone is free, or keep this window open.",
    sources: [],
    internal: false,
  });
  if (!duplicate)
    engine.deps.notifier.handoffUnavailable({ conversationId: review.conversationId, reason: "timeout" });
  return !duplicate;
}
