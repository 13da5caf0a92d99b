import type { ChannelMessageAccepted, Message } from "@handoff/contracts";

/** What an inbound message became; `processed` settles when the bot has dealt with it. */
export type Accepted = ChannelMessageAccepted & { processed: Promise<void> };

/** The answer to an inbound message, from what the conversation service made of it. */
export const accepted = (
  conversationId: string,
  received: { message: Message; duplicate: boolean; processed: Promise<void> },
): Accepted => ({
  conversationId,
  messageId: received.message.id,
  duplicate: received.duplicate,
  processed: received.processed,
});
