import type { Notifier } from "@handoff/core";
import type { NotifierEvent } from "./worker-messages";

/** A Notifier that turns each call into an event for `send` (the worker's side of the bridge). */
export function eventNotifier(send: (event: NotifierEvent) => void): Notifier {
  return {
    messageCreated: (message) => send({ kind: "messageCreated", message }),
    conversationUpdated: (conversation, change = "state") =>
      send({ kind: "conversationUpdated", conversation, change }),
    reviewCreated: (review) => send({ kind: "reviewCreated", review }),
    reviewUpdated: (review) => send({ kind: "reviewUpdated", review }),
    typing: (event) => send({ kind: "typing", event }),
    handoffUnavailable: (event) => send({ kind: "handoffUnavailable", event }),
    conversationErased: (conversationId) => send({ kind: "conversationErased", conversationId }),
  };
}

/** Makes the Notifier call an event stands for (the main thread's side of the bridge). */
export function replayEvent(notifier: Notifier, event: NotifierEvent): void {
  switch (event.kind) {
    case "messageCreated":
      return notifier.messageCreated(event.message);
    case "conversationUpdated":
      return notifier.conversationUpdated(event.conversation, event.change);
    case "reviewCreated":
      return notifier.reviewCreated(event.review);
    case "reviewUpdated":
      return notifier.reviewUpdated(event.review);
    case "typing":
      return notifier.typing(event.event);
    case "handoffUnavailable":
      return notifier.handoffUnavailable(event.event);
    case "conversationErased":
      return notifier.conversationErased(event.conversationId);
  }
}
