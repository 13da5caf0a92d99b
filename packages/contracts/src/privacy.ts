import { z } from "zod";
import { AuditEvent } from "./audit";
import { ChannelDelivery, ChannelLink } from "./channels";
import { Id, Timestamp } from "./common";
import { Conversation } from "./conversation";
import { Correction } from "./feedback";
import { Message } from "./message";
import { Review } from "./review";

/**
 * Who a privacy request is about: a customer's email, the user id a site identified them with, or
 * one conversation (the widget's visitor is bound to exactly one). Exactly one of them.
 */
export const CustomerLookup = z
  .object({
    email: z.string().trim().toLowerCase().email().max(320).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    conversationId: Id.optional(),
  })
  .strict()
  .refine((q) => [q.email, q.externalId, q.conversationId].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of email, externalId or conversationId",
  });
export type CustomerLookup = z.infer<typeof CustomerLookup>;

/** POST /api/privacy/erase: the lookup, and an explicit confirmation because erasure cannot be undone. */
export const CustomerEraseRequest = z
  .object({ customer: CustomerLookup, confirm: z.literal(true, "set confirm to true to erase") })
  .strict();
export type CustomerEraseRequest = z.infer<typeof CustomerEraseRequest>;

/** GET /api/privacy/export: everything stored about one customer, as one JSON document. */
export const CustomerExport = z.object({
  exportedAt: Timestamp,
  conversations: z.array(Conversation),
  messages: z.array(Message),
  reviews: z.array(Review),
  corrections: z.array(Correction),
  audit: z.array(AuditEvent),
  /** The conversations' channels (email address and thread, API channel thread key) and what they sent. */
  channels: z.array(ChannelLink),
  channelDeliveries: z.array(ChannelDelivery),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

/**
 * What an erasure removed, how many audit events lost the details that could quote the customer, and
 * how many records of other conversations (review packets, message sources, checkpoints, corrections)
 * lost a citation of a correction drawn from the erased conversations.
 */
export const CustomerErasure = z.object({
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  reviews: z.number().int().nonnegative(),
  corrections: z.number().int().nonnegative(),
  checkpoints: z.number().int().nonnegative(),
  auditRedacted: z.number().int().nonnegative(),
  citationsRemoved: z.number().int().nonnegative(),
});
export type CustomerErasure = z.infer<typeof CustomerErasure>;
