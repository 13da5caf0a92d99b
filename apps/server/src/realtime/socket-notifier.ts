import type { Conversation, HandoffUnavailable, Message, Review, TypingEvent } from "@handoff/contracts";
import type { Notifier } from "@handoff/core";
import type { ConsoleNamespace, WidgetNamespace } from "./namespaces";
import { QUEUE_ROOM, conversationRoom } from "./rooms";

/** Pushes domain events to the rooms that should see them, never to everyone. */
export class SocketNotifier implements Notifier {
  constructor(
    private readonly widget: WidgetNamespace,
    private readonly console: ConsoleNamespace,
  ) {}

  messageCreated(message: Message): void {
    const room = conversationRoom(message.conversationId);
    if (!message.internal) this.widget.to(room).emit("message:new", message);
    this.console.to(room).emit("message:new", message);
  }

  conversationUpdated(conversation: Conversation): void {
    this.widget.to(conversationRoom(conversation.id)).emit("conversation:updated", conversation);
    this.console
      .to(QUEUE_ROOM)
      .to(conversationRoom(conversation.id))
      .emit("conversation:updated", conversation);
  }

  reviewCreated(review: Review): void {
    this.console.to(QUEUE_ROOM).emit("review:created", review);
  }

  reviewUpdated(review: Review): void {
    this.console.to(QUEUE_ROOM).emit("review:updated", review);
  }

  typing(event: TypingEvent): void {
    const room = conversationRoom(event.conversationId);
    if (event.author === "customer") this.console.to(room).emit("typing", event);
    else this.widget.to(room).emit("typing", event);
  }

  handoffUnavailable(event: HandoffUnavailable): void {
    this.widget.to(conversationRoom(event.conversationId)).emit("handoff:unavailable", event);
  }
}
