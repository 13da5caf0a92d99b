import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Who is handling a conversation right now; the server owns it and pushes every change. */
export const ConversationStatus = z.enum(["bot", "awaiting_approval", "waiting_human", "human", "resolved"]);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** A customer's language: an ISO 639-1 code such as "fr" (lower case, as the language detector gives it). */
export const CustomerLanguage = z.string().regex(/^[a-z]{2,3}$/, "an ISO 639 language code such as fr");
export type CustomerLanguage = z.infer<typeof CustomerLanguage>;

/** Customer identity as known to the widget (all optional: visitors may be anonymous). */
export const CustomerProfile = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().email().max(320).optional(),
  externalId: z.string().trim().max(200).optional(),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;

/** A customer's conversation with the bot and the team. */
export const Conversation = z.object({
  id: Id,
  status: ConversationStatus,
  customer: CustomerProfile,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  category: z.string().nullable(),
  lastSeq: z.number().int().nonnegative(),
  lastMessagePreview: z.string().nullable(),
  /**
   * The customer's language (ISO 639-1, e.g. "fr"), as last read from their messages; email and API
   * channels render notices in it. Null (or absent, from older servers) while unknown.
   */
  language: CustomerLanguage.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Conversation = z.infer<typeof Conversation>;
