import type { Conversation, Review } from "@handoff/contracts";
import type { InboxState } from "./inbox-state";

/** The inbox's tabs. */
export const TABS = [
  { id: "approval", label: "Awaiting approval" },
  { id: "waiting", label: "Waiting for a human" },
  { id: "mine", label: "Mine" },
  { id: "open", label: "All open" },
  { id: "resolved", label: "Resolved" },
] as const;
export type TabId = (typeof TABS)[number]["id"];

/** One row: a conversation and the pause (review or handoff) that put it in the inbox. */
export interface InboxItem {
  key: string;
  conversationId: string;
  review: Review | null;
  conversation: Conversation | undefined;
}

const isOpen = (r: Review) => r.status === "pending" || r.status === "claimed";

function matches(tab: TabId, review: Review, userId: string): boolean {
  switch (tab) {
    case "approval":
      return review.kind === "approval" && review.status === "pending";
    case "waiting":
      return review.kind === "handoff" && review.status === "pending";
    case "mine":
      return review.status === "claimed" && review.assigneeId === userId;
    case "open":
      return isOpen(review);
    case "resolved":
      return false;
  }
}

/**
 * The rows of a tab, most urgent first: the nearest (or most overdue) deadline leads, and items
 * nobody holds yet come before the ones an agent is already on.
 */
export function itemsFor(state: InboxState, tab: TabId, userId: string): InboxItem[] {
  if (tab === "resolved") {
    return Object.values(state.conversations)
      .filter((c) => c.status === "resolved")
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
      .map((c) => ({ key: `c:${c.id}`, conversationId: c.id, review: null, conversation: c }));
  }
  return Object.values(state.reviews)
    .filter((r) => matches(tab, r, userId))
    .sort(byUrgency)
    .map((r) => ({
      key: r.id,
      conversationId: r.conversationId,
      review: r,
      conversation: state.conversations[r.conversationId],
    }));
}

function byUrgency(a: Review, b: Review): number {
  const claimed = Number(a.status === "claimed") - Number(b.status === "claimed");
  if (claimed !== 0) return claimed;
  return Date.parse(a.deadline) - Date.parse(b.deadline) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** The open review of a conversation, if any (the newest wins). */
export function openReviewOf(state: InboxState, conversationId: string): Review | null {
  const open = Object.values(state.reviews)
    .filter((r) => r.conversationId === conversationId && isOpen(r))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return open[0] ?? null;
}

/** The number of items needing someone now (for the title badge). */
export function needsAttention(state: InboxState): number {
  return Object.values(state.reviews).filter((r) => r.status === "pending").length;
}
