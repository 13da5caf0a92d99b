import type { Actor, ApprovalReview, Review, ReviewDecision } from "@handoff/contracts";
import { decideApproval } from "./apply-decision";
import { getConversation, type Engine } from "./engine";
import { postNotice } from "./post-message";

const DEADLINE_ACTOR: Actor = { type: "system", id: null, name: "deadline" };

/** Due pauses are read in batches of this size, through an index. */
const BATCH = 100;

/**
 * Applies the timeout policy to every pause whose deadline has passed. Deadlines live in the store,
 * so they hold across restarts; decisions are compare-and-set, so each applies once. A pause whose
 * policy ran (or that no longer waits) leaves the due set, so the sweep reads only due work however
 * many conversations are open, batch after batch until none is left. One pause's failure is logged
 * with its conversation and never stops the sweep (a decision it recorded is applied by recovery; the
 * pause stays due for the next sweep). Returns how many it applied.
 */
export async function applyDueDeadlines(engine: Engine, now: string): Promise<number> {
  const { store } = engine.deps;
  const failed = new Set<string>();
  let applied = 0;
  for (;;) {
    const due = (await store.reviews.listDue(now, BATCH + failed.size)).filter((r) => !failed.has(r.id));
    if (due.length === 0) return applied;
    for (const listed of due) {
      try {
        const done = await engine.queue.run(listed.conversationId, async () => {
          // Re-read inside the queue: an agent may have decided or claimed it since it was listed, and
          // then the customer must not be told it timed out.
          const review = await store.reviews.get(listed.id);
          const ran =
            review?.status !== "pending"
              ? false
              : review.kind === "approval"
                ? await expireApproval(engine, review)
                : await remindWaitingCustomer(engine, review);
          await store.reviews.markDeadlineApplied(listed.id);
          return ran;
        });
        if (done) applied++;
      } catch (err) {
        failed.add(listed.id);
        engine.logger.error(
          { err, conversationId: listed.conversationId, reviewId: listed.id },
          "applying a deadline failed",
        );
      }
    }
  }
}

async function expireApproval(engine: Engine, review: ApprovalReview): Promise<boolean> {
  const settings = await engine.deps.settings();
  const conversation = await getConversation(engine, review.conversationId);
  const softGate =
    settings.approvalTimeoutPolicy === "auto_send" &&
    review.packet.riskFlags.length === 0 &&
    settings.softGateCategories.includes(conversation.category ?? "");
  if (!softGate && settings.approvalTimeoutPolicy !== "reject") {
    await postNotice(engine.deps, review.conversationId, `${review.id}:timeout`, {
      kind: "approval.timed_out",
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
  const { duplicate } = await postNotice(engine.deps, review.conversationId, `${review.id}:timeout`, {
    kind: "team.busy",
  });
  if (!duplicate)
    engine.deps.notifier.publish({
      type: "handoff.unavailable",
      data: { conversationId: review.conversationId, reason: "timeout" },
    });
  return !duplicate;
}
