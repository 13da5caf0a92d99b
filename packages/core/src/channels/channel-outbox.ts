import { randomUUID } from "node:crypto";
import { ChannelReplyMessage, type ChannelDelivery, type Message } from "@handoff/contracts";
import type { ChannelDeliveryOutcome } from "../ports";
import type { ChannelAdapter } from "./channel-adapter";
import type { ChannelDeps, ChannelRetryPolicy } from "./channel-deps";

export const DEFAULT_CHANNEL_RETRY: ChannelRetryPolicy = { baseMs: 10_000, maxAttempts: 10 };
const MAX_BACKOFF_MS = 3_600_000;
/** How long a claimed delivery is left to its sender before another instance may take it again. */
const CLAIM_MS = 120_000;

/**
 * Replies to customers on every registered channel: each becomes one stored delivery (never two for
 * one message), sent by `deliverDue` through its channel's adapter and retried with back-off, so a slow
 * mail server or platform never holds up the conversation and a restart loses nothing queued.
 */
export class ChannelOutbox {
  private readonly retry: ChannelRetryPolicy;
  private readonly adapters: ReadonlyMap<string, ChannelAdapter>;

  constructor(
    private readonly deps: ChannelDeps,
    adapters: readonly ChannelAdapter[],
  ) {
    this.retry = deps.retry ?? DEFAULT_CHANNEL_RETRY;
    this.adapters = new Map(adapters.map((adapter) => [adapter.kind, adapter]));
  }

  /** Queues the message for its conversation's channel; returns how many deliveries were new (0 or 1). */
  async onMessage(message: Message): Promise<number> {
    if (message.internal || message.author === "customer") return 0;
    const link = await this.deps.store.channels.getLink(message.conversationId);
    const adapter = link ? this.adapters.get(link.kind) : undefined;
    if (!link || !adapter?.carries(message)) return 0;
    const target = adapter.target(link);
    if (!target) return 0;
    const now = this.now();
    const queued = await this.deps.store.channels.enqueue([
      {
        id: randomUUID(),
        conversationId: message.conversationId,
        messageId: message.id,
        message: ChannelReplyMessage.parse(message),
        kind: link.kind,
        target,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        deliveredAt: null,
      },
    ]);
    // An erasure deletes the conversation, then its channel rows. If it ran between reading the link and
    // storing this delivery, the stored reply would outlive it: read the conversation after storing, and
    // forget the channel rows once more when it is gone (erased later, the erasure's own forget runs after).
    if (queued > 0 && !(await this.deps.store.conversations.get(message.conversationId))) {
      await this.deps.store.channels.forget([message.conversationId]);
      return 0;
    }
    return queued;
  }

  /**
   * Queues the replies a process stored but died before queueing (written since `since`), through
   * onMessage as if just written. Safe on every instance at once: a delivery is stored once per
   * message and target. Returns how many deliveries were new.
   */
  async catchUp(since: string, limit = 500): Promise<number> {
    let queued = 0;
    for (const { conversationId, seq } of await this.deps.store.channels.listUnqueued(since, limit)) {
      const [message] = await this.deps.store.messages.listSince(conversationId, seq - 1, 1);
      if (message) queued += await this.onMessage(message);
    }
    return queued;
  }

  /** Sends what is due (claimed first, so two instances never send one delivery at once); returns how many. */
  async deliverDue(limit = 20): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.store.channels.claimDue(
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
      limit,
    );
    for (const delivery of due) await this.attempt(delivery);
    return due.length;
  }

  private async attempt(delivery: ChannelDelivery): Promise<void> {
    const attempts = delivery.attempts + 1;
    const link = await this.deps.store.channels.getLink(delivery.conversationId);
    if (!link) return this.fail(delivery, attempts, "the conversation is no longer on a channel", true);
    const adapter = this.adapters.get(delivery.kind);
    // Read at each attempt, so a notice queued before the language was known goes out in it once it is.
    const conversation = await this.deps.store.conversations.get(delivery.conversationId);
    const error = adapter
      ? await adapter.send(delivery, link, conversation?.language ?? "en")
      : { message: `the ${delivery.kind} channel is not configured`, final: false };
    if (error === null) {
      await this.deps.store.channels.recordAttempt(delivery.id, {
        status: "delivered",
        attempts,
        nextAttemptAt: delivery.nextAttemptAt,
        lastError: null,
        deliveredAt: this.now(),
      });
      return;
    }
    await this.fail(delivery, attempts, error.message, error.final || attempts >= this.retry.maxAttempts);
  }

  private async fail(
    delivery: ChannelDelivery,
    attempts: number,
    lastError: string,
    giveUp: boolean,
  ): Promise<void> {
    const backoff = Math.min(this.retry.baseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    const outcome: ChannelDeliveryOutcome = {
      status: giveUp ? "failed" : "pending",
      attempts,
      nextAttemptAt: new Date(this.deps.clock.now().getTime() + backoff).toISOString(),
      lastError,
      deliveredAt: null,
    };
    await this.deps.store.channels.recordAttempt(delivery.id, outcome);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
