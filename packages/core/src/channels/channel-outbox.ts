import { randomUUID } from "node:crypto";
import {
  ChannelReply,
  ChannelReplyMessage,
  WEBHOOK_HEADERS,
  type ChannelDelivery,
  type ChannelLink,
  type Message,
} from "@handoff/contracts";
import type { ChannelDeliveryOutcome } from "../ports";
import type { WebhookSender } from "../webhooks";
import { signWebhook } from "../webhooks";
import type { ChannelDeps, ChannelRetryPolicy } from "./channel-deps";
import { replyAddress } from "./reply-address";

/** One email as the SMTP transport sends it; threading headers included. */
export interface OutboundEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable per message, so a retried send is the same email to the customer's client. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  replyTo?: string;
}

/** Sends one email; throws when the SMTP server refuses it. */
export type EmailSender = (mail: OutboundEmail) => Promise<void>;

/** How replies leave: email over SMTP (when configured) and HTTP posts to API channels' webhooks. */
export interface ChannelSenders {
  email: EmailSender | null;
  http: WebhookSender;
}

export const DEFAULT_CHANNEL_RETRY: ChannelRetryPolicy = { baseMs: 10_000, maxAttempts: 10 };
const MAX_BACKOFF_MS = 3_600_000;
/** How long a claimed delivery is left to its sender before another instance may take it again. */
const CLAIM_MS = 120_000;

/**
 * A message the customer should get on this channel: the bot's and agents' replies, never notes or
 * their own; system notices (queue, who joined) only on API channels, whose platform shows them as it likes.
 */
const forCustomer = (message: Message, kind: ChannelLink["kind"]) =>
  !message.internal && message.author !== "customer" && (kind === "api" || message.author !== "system");

/** An email's subject: the thread's (or ours when the customer started in the widget), "Re: " once it is a reply. */
function emailSubject(subject: string | null, isReply: boolean): string {
  const base = subject ?? "Your conversation with our support team";
  return (subject !== null || isReply) && !/^re:/i.test(base) ? `Re: ${base}` : base;
}

/**
 * Replies to customers on email and API channels: each becomes one stored delivery (never two for one
 * message), sent by `deliverDue` and retried with back-off, so a slow mail server or platform never
 * holds up the conversation and a restart loses nothing queued.
 */
export class ChannelOutbox {
  private readonly retry: ChannelRetryPolicy;

  constructor(private readonly deps: ChannelDeps) {
    this.retry = deps.retry ?? DEFAULT_CHANNEL_RETRY;
  }

  /** Queues the message for its conversation's channel; returns how many deliveries were new (0 or 1). */
  async onMessage(message: Message): Promise<number> {
    if (message.internal || message.author === "customer") return 0;
    const link = await this.deps.store.channels.getLink(message.conversationId);
    if (!link || !forCustomer(message, link.kind)) return 0;
    const target = link.kind === "api" ? link.channelId : link.address;
    if (!target) return 0;
    const now = this.now();
    return this.deps.store.channels.enqueue([
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
  }

  /** Sends what is due (claimed first, so two instances never send one delivery at once); returns how many. */
  async deliverDue(senders: ChannelSenders, limit = 20): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.store.channels.claimDue(
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
      limit,
    );
    for (const delivery of due) await this.attempt(delivery, senders);
    return due.length;
  }

  private async attempt(delivery: ChannelDelivery, senders: ChannelSenders): Promise<void> {
    const attempts = delivery.attempts + 1;
    const message = delivery.message;
    const link = await this.deps.store.channels.getLink(delivery.conversationId);
    if (!link) return this.fail(delivery, attempts, "the conversation is no longer on a channel", true);
    const error =
      delivery.kind === "email"
        ? await this.sendEmail(message, link, delivery, senders)
        : await this.post(message, link, senders);
    if (error === null) {
      await this.record(delivery.id, {
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

  private async sendEmail(
    message: ChannelReplyMessage,
    link: ChannelLink,
    delivery: ChannelDelivery,
    senders: ChannelSenders,
  ): Promise<{ message: string; final: boolean } | null> {
    const settings = this.deps.email;
    if (!senders.email || !settings) return { message: "the email channel is not configured", final: false };
    const messageId = `<msg.${message.id}@${settings.replyDomain}>`;
    const refs = link.threadRefs.filter((ref) => ref !== messageId);
    const inReplyTo = refs.at(-1);
    const replyTo = replyAddress(settings.replySecret, settings.replyDomain, link.conversationId);
    try {
      await senders.email({
        to: delivery.target,
        subject: emailSubject(link.subject, refs.length > 0),
        text: message.authorName ? `${message.text}\n\n— ${message.authorName}\n` : `${message.text}\n`,
        messageId,
        ...(inReplyTo ? { inReplyTo } : {}),
        references: refs,
        ...(replyTo ? { replyTo } : {}),
      });
    } catch (err) {
      return {
        message: err instanceof Error ? err.message : "the mail server refused the email",
        final: false,
      };
    }
    await this.deps.store.channels.addThreadRef(link.conversationId, messageId);
    return null;
  }

  private async post(
    message: ChannelReplyMessage,
    link: ChannelLink,
    senders: ChannelSenders,
  ): Promise<{ message: string; final: boolean } | null> {
    const found = link.channelId ? await this.deps.store.channels.getChannel(link.channelId) : null;
    if (!found) return { message: "the channel was removed", final: true };
    if (!found.channel.enabled) return { message: "the channel is disabled", final: true };
    const body = JSON.stringify(
      ChannelReply.parse({
        type: "channel.reply",
        channelId: found.channel.id,
        conversationKey: link.externalKey ?? "",
        conversationId: link.conversationId,
        message,
      }),
    );
    const seconds = Math.floor(this.deps.clock.now().getTime() / 1000);
    const result = await senders.http({
      url: found.channel.webhookUrl,
      body,
      headers: {
        "content-type": "application/json",
        "user-agent": "handoff-channels/1",
        [WEBHOOK_HEADERS.signature]: signWebhook(found.secret, body, seconds),
        [WEBHOOK_HEADERS.event]: "channel.reply",
        [WEBHOOK_HEADERS.delivery]: message.id,
      },
    });
    if ("status" in result)
      return result.status >= 200 && result.status < 300
        ? null
        : { message: `HTTP ${result.status}`, final: false };
    return { message: result.error, final: false };
  }

  private async fail(
    delivery: ChannelDelivery,
    attempts: number,
    lastError: string,
    giveUp: boolean,
  ): Promise<void> {
    const backoff = Math.min(this.retry.baseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    await this.record(delivery.id, {
      status: giveUp ? "failed" : "pending",
      attempts,
      nextAttemptAt: new Date(this.deps.clock.now().getTime() + backoff).toISOString(),
      lastError,
      deliveredAt: null,
    });
  }

  private record(id: string, outcome: ChannelDeliveryOutcome): Promise<void> {
    return this.deps.store.channels.recordAttempt(id, outcome);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
