import type { ApiChannel, ChannelDelivery, ChannelLink } from "@handoff/contracts";

/** What an attempt changes on a channel delivery. */
export type ChannelDeliveryOutcome = Pick<
  ChannelDelivery,
  "status" | "attempts" | "nextAttemptAt" | "lastError" | "deliveredAt"
>;

/** API channels (with their signing secrets), which channel each conversation is on, and the outbox of replies. */
export interface ChannelRepo {
  createChannel(channel: ApiChannel, secret: string): Promise<ApiChannel>;
  /** The channel and its signing secret, or null. */
  getChannel(id: string): Promise<{ channel: ApiChannel; secret: string } | null>;
  /** Oldest first. */
  listChannels(): Promise<ApiChannel[]>;
  updateChannel(
    id: string,
    patch: Partial<Pick<ApiChannel, "enabled" | "name" | "webhookUrl">>,
  ): Promise<ApiChannel | null>;
  /**
   * Puts a conversation on a channel. An API link whose (channelId, externalKey) is already taken by
   * another conversation is not stored: the existing link is returned instead. Otherwise the
   * conversation's link is replaced (its thread refs kept when it stays on email).
   */
  link(link: ChannelLink): Promise<ChannelLink>;
  getLink(conversationId: string): Promise<ChannelLink | null>;
  findByExternalKey(channelId: string, externalKey: string): Promise<ChannelLink | null>;
  /** Appends an email message id to the thread (once; the oldest dropped past 20). */
  addThreadRef(conversationId: string, ref: string): Promise<void>;
  /** Stores the deliveries; one already stored for the same (messageId, kind, target) is skipped. Returns how many were new. */
  enqueue(deliveries: ChannelDelivery[]): Promise<number>;
  /**
   * Takes up to `limit` pending deliveries due at `now`, earliest first, and moves their next attempt
   * to `leaseUntil`, so another instance does not take them meanwhile.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<ChannelDelivery[]>;
  recordAttempt(id: string, outcome: ChannelDeliveryOutcome): Promise<void>;
  /**
   * Replies (no customer message, no internal note) written since `since` on a conversation while it
   * was on a channel, with no delivery stored: what a process that died between storing a reply and
   * queueing it left behind. Oldest first, at most `limit`.
   */
  listUnqueued(since: string, limit: number): Promise<Array<{ conversationId: string; seq: number }>>;
  /** Deletes the conversations' links, thread keys and deliveries (a privacy erasure); returns how many records. */
  forget(conversationIds: readonly string[]): Promise<number>;
  /** Newest first: one API channel's deliveries, or one conversation's. */
  listDeliveries(
    filter: { target: string } | { conversationId: string },
    limit: number,
  ): Promise<ChannelDelivery[]>;
}
