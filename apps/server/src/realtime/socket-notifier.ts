import {
  unhandled,
  type Conversation,
  type ConversationChange,
  type PlatformEvent,
} from "@handoff/contracts";
import type { Notifier } from "@handoff/core";
import type { ConsoleNamespace, WidgetNamespace } from "./namespaces";
import { QUEUE_ROOM, conversationRoom } from "./rooms";

/** Pushes platform events to the rooms that should see them, never to everyone. */
export class SocketNotifier implements Notifier {
  constructor(
    private readonly widget: WidgetNamespace,
    private readonly console: ConsoleNamespace,
  ) {}

  publish(event: PlatformEvent): void {
    switch (event.type) {
      case "message.created": {
        const message = event.data.message;
        const room = conversationRoom(message.conversationId);
        if (!message.internal) this.widget.to(room).emit("message:new", message);
        this.console.to(room).emit("message:new", message);
        return;
      }
      case "conversation.changed":
        return this.conversationChanged(event.data.conversation, event.data.change);
      case "review.opened":
        this.console.to(QUEUE_ROOM).emit("review:created", event.data.review);
        return;
      case "review.decided":
      case "review.updated":
      case "handoff.claimed":
      case "handoff.handed_back":
      case "handoff.resolved":
        this.console.to(QUEUE_ROOM).emit("review:updated", event.data.review);
        return;
      case "typing": {
        const room = conversationRoom(event.data.conversationId);
        if (event.data.author === "customer") this.console.to(room).emit("typing", event.data);
        else this.widget.to(room).emit("typing", event.data);
        return;
      }
      case "handoff.unavailable":
        this.widget.to(conversationRoom(event.data.conversationId)).emit("handoff:unavailable", event.data);
        return;
      case "conversation.erased": {
        const { conversationId } = event.data;
        const room = conversationRoom(conversationId);
        // Their token no longer opens anything, so a widget that reconnects is told to start afresh.
        this.widget.in(room).disconnectSockets(true);
        this.console.to(QUEUE_ROOM).to(room).emit("conversation:erased", { conversationId });
        return;
      }
      case "message.rated":
      case "correction.approved":
        return; // for webhooks; the console reads them from its own requests
      case "contact.left":
        return; // for the email channel; the console sees the note and the customer change
      default:
        return unhandled(event);
    }
  }

  private conversationChanged(conversation: Conversation, change: ConversationChange): void {
    const room = conversationRoom(conversation.id);
    // The widget shows who handles the chat; a message's bump (seq, preview, time) tells it nothing its
    // own message:new did not: two of its ~4.5 pushes per customer message.
    if (change === "state") this.widget.to(room).emit("conversation:updated", conversation);
    // A new message in a chat only the bot is handling is news to the agents following it, not to every
    // inbox: at 100 messages a second that broadcast to all consoles was a measurable share of the CPU.
    const inboxNews = change === "state" || conversation.status !== "bot";
    (inboxNews ? this.console.to(QUEUE_ROOM).to(room) : this.console.to(room)).emit(
      "conversation:updated",
      conversation,
    );
  }
}
