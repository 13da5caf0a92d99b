import type { Actor, HandoffReview, Review, User } from "@handoff/contracts";
import { moveConversation } from "../conversation/lifecycle";
import { DomainError } from "../errors";
import { postJoinedNotice, postNotice } from "../conversation/post-message";
import type { Clock, Notifier, Store } from "../ports";
import { conversationChanged } from "../ports";

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
 * holder leaves the team, or to someone a supervisor picks. Each change is a compare-and-set on the
 * review (a handoff closed or moved meanwhile is refused or left alone), runs in the conversation's
 * turn, is audited, pushed to the consoles and the widget, and told to the customer.
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

  /**
   * A supervisor gives a handoff to someone: a waiting one is claimed in their name, a held one moves
   * from its holder to them. Refused when it is closed, or already theirs.
   */
  async assign(reviewId: string, to: Pick<User, "id" | "name">, actor: Actor): Promise<Review> {
    const listed = await this.deps.store.reviews.get(reviewId);
    if (listed?.kind !== "handoff") throw new DomainError("not_found", "no such handoff");
    return this.deps.exclusive(listed.conversationId, async () => {
      const { store, notifier } = this.deps;
      const review = await store.reviews.get(reviewId);
      const who = { id: to.id, name: to.name };
      if (review?.status === "claimed" && review.assigneeId === to.id)
        throw new DomainError("conflict", `${to.name} already has this conversation`);
      const from = review?.status === "claimed" ? review.assigneeId : null;
      const moved =
        review?.status === "pending"
          ? await store.reviews.claim(reviewId, who)
          : from
            ? await store.reviews.reassign(reviewId, from, who)
            : null;
      if (!moved) throw new DomainError("conflict", "this handoff was closed or moved meanwhile");
      const conversation = await moveConversation(
        store,
        listed.conversationId,
        from ? "reassigned" : "claimed",
        {
          assigneeId: to.id,
          assigneeName: to.name,
        },
      );
      notifier.publish({ type: "handoff.claimed", data: { review: moved } });
      notifier.publish(conversationChanged(conversation));
      await store.audit.append({
        actor,
        action: "handoff.reassigned",
        conversationId: listed.conversationId,
        details: { reviewId, from: from ? { id: from, name: review?.assigneeName ?? null } : null, to: who },
      });
      await postJoinedNotice(
        this.deps,
        listed.conversationId,
        `${reviewId}:assigned:${this.deps.clock.now().getTime()}`,
        to.name,
      );
      return moved;
    });
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
    notifier.publish({ type: "review.updated", data: { review: back } });
    notifier.publish(conversationChanged(conversation));
    await store.audit.append({
      actor,
      action: "handoff.returned",
      conversationId: review.conversationId,
      details: { reviewId: review.id, from: { id: userId, name: review.assigneeName } },
    });
    await postNotice(this.deps, review.conversationId, `${review.id}:returned:${clock.now().getTime()}`, {
      kind: "agent.stepped_away",
      agentName: review.assigneeName,
    });
    return true;
  }
}
