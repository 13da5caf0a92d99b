import { createHash } from "node:crypto";
import type {
  ChannelLink,
  ChannelMessageAccepted,
  ChannelMessageCreate,
  InboundEmail,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { ChannelDeps } from "./channel-deps";
import { newEmailText } from "./new-email-text";
import { conversationFromAddresses } from "./reply-address";

const MAX_TEXT = 4000;

/** What an inbound message became; `processed` settles when the bot has dealt with it. */
export type Accepted = ChannelMessageAccepted & { processed: Promise<void> };

const truncate = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/**
 * Customer messages arriving over a channel: each becomes a customer message of its conversation, the
 * same as one typed in the widget (graph, routing, approvals, handoffs), stored once per inbound id.
 */
export class ChannelIntake {
  // Two first messages of one thread at once must start one conversation, not two.
  private readonly starting = new Map<string, Promise<ChannelLink>>();

  constructor(private readonly deps: ChannelDeps) {}

  /** A message from an API channel's platform; its conversationKey finds (or starts) the conversation. */
  async receiveApi(channelId: string, input: ChannelMessageCreate): Promise<Accepted> {
    const found = await this.deps.store.channels.getChannel(channelId);
    if (!found) throw new DomainError("not_found", "channel not found");
    if (!found.channel.enabled) throw new DomainError("conflict", "this channel is disabled");
    const link = await this.apiLink(channelId, input);
    const received = await this.deps.conversations.receiveCustomerMessage(link.conversationId, {
      clientId: input.idempotencyKey,
      text: input.text,
    });
    return {
      conversationId: link.conversationId,
      messageId: received.message.id,
      duplicate: received.duplicate,
      processed: received.processed,
    };
  }

  /**
   * An email: a reply to one of our reply addresses continues its conversation; an email to none of
   * them starts a conversation on email. A reply address with a wrong signature is refused.
   */
  async receiveEmail(email: InboundEmail): Promise<Accepted> {
    const settings = this.deps.email;
    if (!settings)
      throw new DomainError("conflict", "the email channel is not configured (EMAIL_REPLY_DOMAIN)");
    const text = truncate(newEmailText(email.text));
    if (!text) throw new DomainError("bad_request", "the email has no text above the quoted thread");
    const match = conversationFromAddresses(settings.replySecret, settings.replyDomain, email.to);
    if (match.kind === "forged") throw new DomainError("not_found", "no conversation has this reply address");
    const conversationId =
      match.kind === "found"
        ? (await this.deps.conversations.getConversation(match.conversationId)).id
        : await this.startByEmail(email);
    const link = await this.deps.store.channels.getLink(conversationId);
    if (link?.kind !== "email") {
      await this.deps.store.channels.link({
        conversationId,
        kind: "email",
        channelId: null,
        externalKey: null,
        address: email.from.address,
        subject: email.subject || null,
        threadRefs: [],
        createdAt: this.now(),
      });
    }
    const received = await this.deps.conversations.receiveCustomerMessage(conversationId, {
      clientId: `email:${createHash("sha256").update(email.messageId).digest("hex").slice(0, 40)}`,
      text,
    });
    if (!received.duplicate) await this.deps.store.channels.addThreadRef(conversationId, email.messageId);
    return {
      conversationId,
      messageId: received.message.id,
      duplicate: received.duplicate,
      processed: received.processed,
    };
  }

  private async startByEmail(email: InboundEmail): Promise<string> {
    // A first email delivered twice must not start two conversations: its Message-ID is the thread key.
    const key = `email:${email.messageId}`;
    const link = await this.once(key, async () => {
      const existing = await this.deps.store.channels.findByExternalKey("email", key);
      if (existing) return existing;
      const conversation = await this.deps.conversations.startConversation({
        email: email.from.address,
        ...(email.from.name ? { name: email.from.name } : {}),
      });
      return this.deps.store.channels.link({
        conversationId: conversation.id,
        kind: "email",
        channelId: "email",
        externalKey: key,
        address: email.from.address,
        subject: email.subject || null,
        threadRefs: [],
        createdAt: this.now(),
      });
    });
    return link.conversationId;
  }

  private apiLink(channelId: string, input: ChannelMessageCreate): Promise<ChannelLink> {
    return this.once(`${channelId}\u0000${input.conversationKey}`, async () => {
      const existing = await this.deps.store.channels.findByExternalKey(channelId, input.conversationKey);
      if (existing) return existing;
      const conversation = await this.deps.conversations.startConversation(input.customer ?? {});
      return this.deps.store.channels.link({
        conversationId: conversation.id,
        kind: "api",
        channelId,
        externalKey: input.conversationKey,
        address: null,
        subject: null,
        threadRefs: [],
        createdAt: this.now(),
      });
    });
  }

  private once(key: string, start: () => Promise<ChannelLink>): Promise<ChannelLink> {
    const running = this.starting.get(key);
    if (running) return running;
    const started = start().finally(() => this.starting.delete(key));
    this.starting.set(key, started);
    return started;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
