import type { Conversation, HandoffUnavailable, Message, Review, TypingEvent } from "@handoff/contracts";
import type { ConversationChange, Notifier } from "@handoff/core";

/**
 * Forwards every domain event to the listeners attached so far. The conversation service needs a
 * notifier before the Socket.IO server exists, so the sockets attach themselves later.
 */
export class FanoutNotifier implements Notifier {
  private readonly listeners: Partial<Notifier>[] = [];

  /** Listeners implement only the events they care about. */
  attach(listener: Partial<Notifier>): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  messageCreated(message: Message): void {
    for (const l of this.listeners) l.messageCreated?.(message);
  }
  conversationUpdated(conversation: Conversation, change: ConversationChange = "state"): void {
    for (const l of this.listeners) l.conversationUpdated?.(conversation, change);
  }
  reviewCreated(review: Review): void {
    for (const l of this.listeners) l.reviewCreated?.(review);
  }
  reviewUpdated(review: Review): void {
    for (const l of this.listeners) l.reviewUpdated?.(review);
  }
  typing(event: TypingEvent): void {
    for (const l of this.listeners) l.typing?.(event);
  }
  handoffUnavailable(event: HandoffUnavailable): void {
    for (const l of this.listeners) l.handoffUnavailable?.(event);
  }
  conversationErased(conversationId: string): void {
    for (const l of this.listeners) l.conversationErased?.(conversationId);
  }
}
