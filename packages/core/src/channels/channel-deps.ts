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

/** The email channel's settings: replies come back to reply+<token>@replyDomain, signed with replySecret. */
export interface EmailChannelSettings {
  replyDomain: string;
  replySecret: string;
}

/** Retry timing of outbound deliveries: the first retry after `baseMs`, doubling up to an hour. */
export interface ChannelRetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

export interface ChannelDeps {
  store: Store;
  clock: Clock;
  conversations: ChannelConversations;
  /** Null when the email channel is not configured. */
  email: EmailChannelSettings | null;
  retry?: ChannelRetryPolicy;
}
