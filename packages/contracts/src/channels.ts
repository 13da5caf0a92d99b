import { z } from "zod";
import { ClientId, Id, MessageText, Timestamp } from "./common";
import { CustomerProfile } from "./conversation";
import { Message } from "./message";
import { WebhookUrl } from "./webhooks";

/** How a conversation reaches its customer: the web widget, email, or an API channel (another platform). */
export const ChannelKind = z.enum(["widget", "email", "api"]);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** An API channel: another platform (a WhatsApp or Slack bridge) posts messages in and gets replies at its webhook. */
export const ApiChannel = z.object({
  id: Id,
  name: z.string(),
  /** Where replies are POSTed, signed like webhook deliveries with the channel's secret. */
  webhookUrl: z.string().url(),
  enabled: z.boolean(),
  createdAt: Timestamp,
});
export type ApiChannel = z.infer<typeof ApiChannel>;

/** POST /api/channels */
export const ApiChannelCreate = z.strictObject({
  name: z.string().trim().min(1, "name the channel").max(80),
  webhookUrl: WebhookUrl,
});
export type ApiChannelCreate = z.infer<typeof ApiChannelCreate>;

/** PATCH /api/channels/:id */
export const ApiChannelUpdate = z
  .strictObject({ enabled: z.boolean(), name: ApiChannelCreate.shape.name, webhookUrl: WebhookUrl })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "nothing to change");
export type ApiChannelUpdate = z.infer<typeof ApiChannelUpdate>;

/** The answer to POST /api/channels: the signing secret is shown this once. */
export const ApiChannelCreated = z.object({ channel: ApiChannel, secret: z.string() });

/** GET /api/channels */
export const ApiChannelList = z.object({ channels: z.array(ApiChannel) });

/**
 * POST /api/channels/:id/messages: a customer's message on the other platform. `conversationKey` is that
 * platform's thread (a phone number, a Slack thread): the same key continues the same conversation.
 * A repeated `idempotencyKey` stores nothing new.
 */
export const ChannelMessageCreate = z.strictObject({
  conversationKey: z.string().trim().min(1).max(200),
  idempotencyKey: ClientId,
  text: MessageText,
  customer: CustomerProfile.strict().optional(),
});
export type ChannelMessageCreate = z.infer<typeof ChannelMessageCreate>;

/** The answer to POST /api/channels/:id/messages (202: the bot answers at the channel's webhook). */
export const ChannelMessageAccepted = z.object({
  conversationId: Id,
  messageId: Id,
  duplicate: z.boolean(),
});
export type ChannelMessageAccepted = z.infer<typeof ChannelMessageAccepted>;

/** An RFC 5322 message id with its angle brackets, as in Message-ID, In-Reply-To and References. */
export const EmailMessageId = z
  .string()
  .trim()
  .max(998)
  .regex(/^<[^<>\s]+>$/, "a message id in angle brackets, e.g. <abc@example.com>");

/**
 * POST /api/channels/email/inbound: an email already parsed by the mail provider or a relay
 * (fields as mailparser names them). Matched to its conversation by the reply+<token>@ address in `to`;
 * an email to no reply address starts a new conversation.
 */
export const InboundEmail = z.strictObject({
  messageId: EmailMessageId,
  from: z.object({
    address: z.string().trim().email().max(320),
    name: z.string().trim().max(200).optional(),
  }),
  to: z.array(z.string().trim().email().max(320)).min(1).max(50),
  subject: z.string().max(998).default(""),
  text: z.string().max(100_000),
  inReplyTo: EmailMessageId.optional(),
  references: z.array(EmailMessageId).max(100).default([]),
});
export type InboundEmail = z.infer<typeof InboundEmail>;

/** The answer to an inbound email. */
export const InboundEmailAccepted = ChannelMessageAccepted;

/** POST /api/conversations/:id/email: continue this conversation by email (to the customer's address by default). */
export const ContinueByEmail = z.strictObject({ address: z.string().trim().email().max(320).optional() });
export type ContinueByEmail = z.infer<typeof ContinueByEmail>;

/** Which channel a conversation is on; the widget when it has no link. */
export const ChannelLink = z.object({
  conversationId: Id,
  kind: ChannelKind.exclude(["widget"]),
  /** The API channel; "email" for a conversation an email started (its first Message-ID is the key); else null. */
  channelId: Id.nullable(),
  /** The other platform's thread key (API), or `email:<first Message-ID>`, or null. */
  externalKey: z.string().nullable(),
  /** The customer's email address (email), or null. */
  address: z.string().nullable(),
  /** The email thread's subject, or null. */
  subject: z.string().nullable(),
  /** The thread's message ids so far (email References), oldest first, at most 20. */
  threadRefs: z.array(z.string()),
  createdAt: Timestamp,
});
export type ChannelLink = z.infer<typeof ChannelLink>;

/** The part of a message a channel delivers. */
export const ChannelReplyMessage = Message.pick({
  id: true,
  seq: true,
  author: true,
  authorName: true,
  text: true,
  notice: true,
  createdAt: true,
});
export type ChannelReplyMessage = z.infer<typeof ChannelReplyMessage>;

/** Where an outbound delivery stands. */
export const ChannelDeliveryStatus = z.enum(["pending", "delivered", "failed"]);

/** One reply to one customer over email or an API channel's webhook, kept until delivered or given up. */
export const ChannelDelivery = z.object({
  id: Id,
  conversationId: Id,
  messageId: Id,
  message: ChannelReplyMessage,
  kind: ChannelKind.exclude(["widget"]),
  /** The API channel id, or the email address. */
  target: z.string(),
  status: ChannelDeliveryStatus,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
});
export type ChannelDelivery = z.infer<typeof ChannelDelivery>;

/** GET /api/channels/:id/deliveries and GET /api/conversations/:id/channel */
export const ChannelDeliveryList = z.object({ deliveries: z.array(ChannelDelivery) });

/** The body POSTed to an API channel's webhook for each reply to its customer. */
export const ChannelReply = z.object({
  type: z.literal("channel.reply"),
  channelId: Id,
  conversationKey: z.string(),
  conversationId: Id,
  /**
   * The customer's language (ISO 639-1) as last read from their messages, "en" until known. A notice's
   * text is rendered in it where we have its words (en, fr, de), else in English.
   */
  language: z.string(),
  message: ChannelReplyMessage,
});
export type ChannelReply = z.infer<typeof ChannelReply>;

/** GET /api/conversations/:id/channel: the conversation's channel (null: the widget) and its latest replies. */
export const ConversationChannel = z.object({
  link: ChannelLink.nullable(),
  deliveries: z.array(ChannelDelivery),
});
export type ConversationChannel = z.infer<typeof ConversationChannel>;
