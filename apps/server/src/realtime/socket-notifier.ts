import type { Conversation, HandoffUnavailable, Message, Review, TypingEvent } from "@handoff/contracts";
import type { ConversationChange, Notifier } from "@handoff/core";
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

  conversationUpdated(conversation: Conversation, change: ConversationChange = "state"): void {
    const room = conversationRoom(conversation.id);
    this.widget.to(room).emit("conversation:updated", conversation);
    // A new message in a chat only the bot is handling is news to the agents following it, not to every
    // inbox: at 100 messages a second that broadcast to all consoles was a measurable share of the CPU.
    const inboxNews = change === "state" || conversation.status !== "bot";
    (inboxNews ? this.console.to(QUEUE_ROOM).to(room) : this.console.to(room)).emit(
      "conversation:updated",
      conversation,
    );
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

  conversationErased(conversationId: string): void {
    const room = conversationRoom(conversationId);
    // Their token no longer opens anything, so a widget that reconnects is told to start afresh.
    this.widget.in(room).disconnectSockets(true);
    this.console.to(QUEUE_ROOM).to(room).emit("conversation:erased", { conversationId });
  }
}
