import type { ApprovalReview, Person, ReviewDecision } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { Platform } from "../app/create-platform";

/** Where a decision outside the console came from; the audit log names it after the person. */
export type DecisionChannel = "email link" | "Slack";

/** What deciding from an email link or a Slack button came to. */
export type OutsideOutcome =
  | { kind: "decided"; review: ApprovalReview }
  | { kind: "already"; review: ApprovalReview; by: string }
  | { kind: "not_found" };

/** "approved", "rejected", ... for the pages and messages that report a decision. */
export function decisionWord(decision: ReviewDecision | null): string {
  if (!decision) return "closed";
  const words: Record<ReviewDecision["type"], string> = {
    approve: "approved",
    edit: "edited and sent",
    choose: "sent another draft",
    guide: "asked for a redraft",
    reject: "rejected",
    takeover: "took over",
  };
  return words[decision.type];
}

/**
 * Who decided a review that is no longer pending, as "by <name>"; without a person id it was the
 * deadline's timeout policy or the customer asking for a person (core records no id for either).
 */
export async function decidedBy(platform: Platform, review: ApprovalReview): Promise<string> {
  if (!review.decidedBy) return "without a person (its deadline passed, or the customer asked for one)";
  return `by ${(await platform.store.users.get(review.decidedBy))?.name ?? "someone else"}`;
}

/** A pending approval by id, or null when there is no such approval. */
export async function approvalById(platform: Platform, reviewId: string): Promise<ApprovalReview | null> {
  const review = await platform.store.reviews.get(reviewId);
  return review?.kind === "approval" ? review : null;
}

/**
 * Decides an approval for a person outside the console, through the same path as the console
 * (ConversationService.decideReview: compare-and-set, audit, applied once). A review someone already
 * decided is refused and says by whom.
 */
export async function decideOutside(
  platform: Platform,
  input: { reviewId: string; person: Person; decision: ReviewDecision; channel: DecisionChannel },
): Promise<OutsideOutcome> {
  const review = await approvalById(platform, input.reviewId);
  if (!review) return { kind: "not_found" };
  if (review.status !== "pending") return { kind: "already", review, by: await decidedBy(platform, review) };
  const { id, email, role, createdAt, name } = input.person;
  const actingUser = { id, email, role, createdAt, name: `${name} (${input.channel})` };
  try {
    const decided = await platform.conversations.decideReview(review.id, input.decision, actingUser);
    return decided.kind === "approval" ? { kind: "decided", review: decided } : { kind: "not_found" };
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== "conflict") throw err;
    const current = (await approvalById(platform, review.id)) ?? review;
    return { kind: "already", review: current, by: await decidedBy(platform, current) };
  }
}
