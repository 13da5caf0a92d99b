import {
  emailSubject,
  messageText,
  type ChannelDelivery,
  type ChannelLink,
  type Message,
  type NoticeKind,
} from "@handoff/contracts";
import { retryable, type ChannelAdapter, type DeliveryError } from "../channel-adapter";
import type { ChannelDeps } from "../channel-deps";
import type { EmailChannelSettings, EmailSender } from "./email-settings";
import { replyAddress } from "./reply-address";

/**
 * The notices worth an email: a person is coming, has had to leave, or the conversation is resolved.
 * "X has joined" comes right before X's own reply and "chatting with the bot again" reads oddly in a
 * mailbox; the ones that offer the widget's email form (team busy, away) do not apply by email.
 */
const EMAILED_NOTICES: ReadonlySet<NoticeKind> = new Set([
  "handoff.connecting",
  "conversation.resolved",
  "agent.stepped_away",
  "approval.timed_out",
]);

/**
 * Replies by email: one email per bot or agent reply and per handoff notice (rendered in the customer's
 * language, as is the subject we give a thread they did not start; other system messages stay in the
 * console), threaded
 * under the customer's emails, with a signed reply address that brings their answer back.
 */
export class EmailChannelAdapter implements ChannelAdapter {
  readonly kind = "email";

  constructor(
    private readonly deps: ChannelDeps,
    private readonly settings: EmailChannelSettings,
    private readonly sendEmail: EmailSender,
  ) {}

  carries(message: Message): boolean {
    if (message.author !== "system") return true;
    return message.notice !== undefined && EMAILED_NOTICES.has(message.notice.kind);
  }

  target(link: ChannelLink): string | null {
    return link.address;
  }

  async send(delivery: ChannelDelivery, link: ChannelLink, language: string): Promise<DeliveryError | null> {
    const { replyDomain, replySecret } = this.settings;
    const message = delivery.message;
    const messageId = `<msg.${message.id}@${replyDomain}>`;
    const refs = link.threadRefs.filter((ref) => ref !== messageId);
    const inReplyTo = refs.at(-1);
    const replyTo = replyAddress(replySecret, replyDomain, link.conversationId);
    const text = messageText(message, language);
    try {
      await this.sendEmail({
        to: delivery.target,
        subject: emailSubject(link.subject, refs.length > 0, language),
        text: message.authorName ? `${text}\n\n— ${message.authorName}\n` : `${text}\n`,
        messageId,
        ...(inReplyTo ? { inReplyTo } : {}),
        references: refs,
        ...(replyTo ? { replyTo } : {}),
      });
    } catch (err) {
      return retryable(err, "the mail server refused the email");
    }
    await this.deps.store.channels.addThreadRef(link.conversationId, messageId);
    return null;
  }
}
