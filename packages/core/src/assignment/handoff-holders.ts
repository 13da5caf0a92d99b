import type { Actor, HandoffReview, Review } from "@handoff/contracts";
import { moveConversation } from "../conversation/lifecycle";
import { postMessage } from "../conversation/post-message";
import type { Clock, Notifier, Store } from "../ports";

/** How many claimed handoffs one look goes through (a person never holds near this many). */
const CLAIMED_LIMIT = 5000;

/** What moving handoffs between people needs. */
export interface HandoffHoldersDeps {
  store: Store;
  notifier: Notifier;
  clock: Clock;
  /** Runs work in a conversation's turn (ConversationService.exclusive), so it never races the bot. */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Who holds a live handoff, changed by someone other than the holder: back to the queue when the
 * holder leaves the team. Each change is a compare-and-set on the review (a handoff closed or moved
 * meanwhile is left alone), runs in the conversation's turn, is audited, pushed to the consoles and
 * the widget, and told to the customer.
 */
export class HandoffHolders {
  constructor(private readonly deps: HandoffHoldersDeps) {}

  /** Puts every handoff `userId` holds back in the queue; returns how many went back. */
  async returnHandoffsOf(userId: string, actor: Actor): Promise<number> {
    const held = (await this.deps.store.reviews.listByStatus(["claimed"], CLAIMED_LIMIT)).filter(
      (review): review is HandoffReview => review.kind === "handoff" && review.assigneeId === userId,
    );
    let returned = 0;
    for (const review of held) {
      const back = await this.deps.exclusive(review.conversationId, () =>
        this.returnOne(review, userId, actor),
      );
      if (back) returned++;
    }
    return returned;
  }

  private async returnOne(review: Review, userId: string, actor: Actor): Promise<boolean> {
    const { store, notifier, clock } = this.deps;
    const back = await store.reviews.reassign(review.id, userId, null);
    if (!back) return false;
    // The one way out of a person's hands besides handing back or resolving: the person left, so the
    // conversation waits in the queue again, exactly as before anyone claimed it.
    const conversation = await moveConversation(store, review.conversationId, "returned", {
      assigneeId: null,
      assigneeName: null,
    });
    notifier.reviewUpdated(back);
    notifier.conversationUpdated(conversation);
    await store.audit.append({
      actor,
      action: "handoff.returned",
      conversationId: review.conversationId,
      details: { reviewId: review.id, from: { id: userId, name: review.assigneeName } },
    });
    await postMessage(this.deps, {
      conversationId: review.conversationId,
      clientId: `${review.id}:returned:${clock.now().getTime()}`,
      author: "system",
      authorName: null,
      text: `${review.assigneeName ?? "Your agent"} had to step away. Someone else from our team will be with you shortly.`,
      sources: [],
      internal: false,
    });
    return true;
  }
}
