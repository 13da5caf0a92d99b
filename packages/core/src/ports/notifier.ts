import type { Conversation, ConversationChange, PlatformEvent } from "@handoff/contracts";

/**
 * Where core publishes what happened (a message, a conversation or review changed, someone typing...):
 * one port, one typed event union (contracts' PlatformEvent), forwarded as it is to the sockets, the
 * graph worker's bridge, webhooks, channels and approvers.
 */
export interface Notifier {
  publish(event: PlatformEvent): void;
}

/** The event for a changed conversation (`state` unless it is only a new message). */
export function conversationChanged(
  conversation: Conversation,
  change: ConversationChange = "state",
): PlatformEvent {
  return { type: "conversation.changed", data: { conversation, change } };
}
