import type { Conversation, HandoffUnavailable, Message, Review, TypingEvent } from "@handoff/contracts";

/** What changed on a conversation. */
export type ConversationChange = "state" | "activity";

/** Pushes domain changes to connected clients (Socket.IO in the server, a recorder in tests). */
export interface Notifier {
  messageCreated(message: Message): void;
  /**
   * `activity` is a new message and nothing else (the inbox only cares when a person is involved);
   * `state` is anything else: status, assignee, category, customer.
   */
  conversationUpdated(conversation: Conversation, change?: ConversationChange): void;
  reviewCreated(review: Review): void;
  reviewUpdated(review: Review): void;
  typing(event: TypingEvent): void;
  /** Nobody is there to take a waiting customer: their widget offers to reply by email. */
  handoffUnavailable(event: HandoffUnavailable): void;
  /** A privacy erasure removed the conversation: its widgets are cut off, consoles drop it. */
  conversationErased(conversationId: string): void;
}
