import { createHash } from "node:crypto";
import type { ChannelLink, InboundEmail } from "@handoff/contracts";
import { DomainError } from "../../errors";
import { accepted, type Accepted } from "../accepted";
import type { ChannelDeps } from "../channel-deps";
import { SingleFlight } from "../single-flight";
import type { EmailChannelSettings } from "./email-settings";
import { newEmailText } from "./new-email-text";
import { conversationFromAddresses } from "./reply-address";

const MAX_TEXT = 4000;

const truncate = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/**
 * Emails from customers: a reply to one of our reply addresses continues its conversation; an email to
 * none of them starts a conversation on email. A reply address with a wrong signature is refused. Each
 * email becomes a customer message like one typed in the widget, stored once per Message-ID.
 */
export class EmailIntake {
  private readonly starts = new SingleFlight<ChannelLink>();

  constructor(
    private readonly deps: ChannelDeps,
    private readonly settings: EmailChannelSettings | null,
  ) {}

  async receive(email: InboundEmail): Promise<Accepted> {
    const settings = this.settings;
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
    return accepted(conversationId, received);
  }

  private async startByEmail(email: InboundEmail): Promise<string> {
    // A first email delivered twice must not start two conversations: its Message-ID is the thread key.
    const key = `email:${email.messageId}`;
    const link = await this.starts.run(key, async () => {
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

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
