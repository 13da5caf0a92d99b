import type { Conversation, Inbox, Review } from "@handoff/contracts";

/** Everything the console knows about the queue, kept up to date by the server's pushes. */
export interface InboxState {
  loaded: boolean;
  reviews: Record<string, Review>;
  conversations: Record<string, Conversation>;
}

export type InboxAction =
  | { type: "loaded"; inbox: Inbox }
  | { type: "reviews"; reviews: Review[] }
  | { type: "conversation"; conversation: Conversation }
  | { type: "erased"; conversationId: string };

export const emptyInbox: InboxState = { loaded: false, reviews: {}, conversations: {} };

/** Applies a full listing or one pushed change; an older copy never overwrites a newer one. */
export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case "loaded": {
      // A fresh listing is the truth for open items; reviews it no longer lists were closed meanwhile.
      const reviews: Record<string, Review> = {};
      for (const review of Object.values(state.reviews)) {
        if (review.status === "decided" || review.status === "expired") reviews[review.id] = review;
      }
      for (const review of action.inbox.reviews) reviews[review.id] = review;
      const conversations = { ...state.conversations };
      for (const c of action.inbox.conversations) conversations[c.id] = newer(conversations[c.id], c);
      return { loaded: true, reviews, conversations };
    }
    case "reviews": {
      const reviews = { ...state.reviews };
      for (const review of action.reviews) reviews[review.id] = mergeReview(reviews[review.id], review);
      return { ...state, reviews };
    }
    case "conversation": {
      const c = action.conversation;
      return {
        ...state,
        conversations: { ...state.conversations, [c.id]: newer(state.conversations[c.id], c) },
      };
    }
    case "erased": {
      const { [action.conversationId]: _erased, ...conversations } = state.conversations;
      const reviews = Object.fromEntries(
        Object.entries(state.reviews).filter(([, r]) => r.conversationId !== action.conversationId),
      );
      return { ...state, conversations, reviews };
    }
  }
}

function newer(current: Conversation | undefined, next: Conversation): Conversation {
  if (!current) return next;
  return Date.parse(next.updatedAt) >= Date.parse(current.updatedAt) ? next : current;
}

const rank: Record<Review["status"], number> = { pending: 0, claimed: 1, decided: 2, expired: 2 };

/** Reviews only move forward (pending, claimed, then closed): a late stale copy is ignored. */
function mergeReview(current: Review | undefined, next: Review): Review {
  if (!current) return next;
  return rank[next.status] >= rank[current.status] ? next : current;
}
