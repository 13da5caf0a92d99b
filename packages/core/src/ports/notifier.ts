import type { Conversation, HandoffUnavailable, Message, Review, TypingEvent } from "@handoff/contracts";

/** Pushes domain changes to connected clients (Socket.IO in the server, a recorder in tests). */
export interface Notifier {
  messageCreated(message: Message): void;
  conversationUpdated(conversation: Conversation): void;
  reviewCreated(review: Review): void;
  reviewUpdated(review: Review): void;
  typing(event: TypingEvent): void;
  /** Nobody is there to take a waiting customer: their widget offers to reply by email. */
  handoffUnavailable(event: HandoffUnavailable): void;
}
