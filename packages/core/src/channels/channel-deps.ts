import type { Conversation, CustomerProfile, Message } from "@handoff/contracts";
import type { Clock, Store } from "../ports";

/** What the channels need of the conversation service: every channel's messages take the same path. */
export interface ChannelConversations {
  startConversation(customer: CustomerProfile): Promise<Conversation>;
  getConversation(conversationId: string): Promise<Conversation>;
  receiveCustomerMessage(
    conversationId: string,
    input: { clientId: string; text: string },
  ): Promise<{ message: Message; duplicate: boolean; processed: Promise<void> }>;
}

/** Retry timing of outbound deliveries: the first retry after `baseMs`, doubling up to an hour. */
export interface ChannelRetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** What every channel is built on. */
export interface ChannelDeps {
  store: Store;
  clock: Clock;
  conversations: ChannelConversations;
  retry?: ChannelRetryPolicy;
}
