import { packetDrafts, type Review, type ReviewDecision, type User } from "@handoff/contracts";
import { DomainError } from "../errors";
import { asActor } from "./actors";
import { decideApproval } from "./apply-decision";
import type { Engine } from "./engine";

/**
 * Applies an agent's decision on a pending draft (approve, edit, choose another draft, guide a redraft,
 * reject, take over). Deciding twice sends once: the second is refused.
 */
export async function decideReview(
  engine: Engine,
  reviewId: string,
  decision: ReviewDecision,
  user: User,
): Promise<Review> {
  const review = await engine.deps.store.reviews.get(reviewId);
  if (!review) throw new DomainError("not_found", "review not found");
  if (review.kind !== "approval") throw new DomainError("bad_request", "this is a handoff; claim it instead");
  if (decision.type === "choose") {
    const known = packetDrafts(review.packet).some((d) => d.id === decision.draftId);
    if (!known)
      throw new DomainError("bad_request", `draft ${decision.draftId} is not one of this review's drafts`);
  }
  return engine.queue.run(review.conversationId, () =>
    decideApproval(engine, review, decision, asActor(user)),
  );
}
