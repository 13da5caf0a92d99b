import { z } from "zod";
import { Conversation, ConversationStatus, CustomerProfile } from "./conversation";
import { Id, Timestamp } from "./common";

/**
 * GET /api/search/conversations: `q` is a short id ("#3f2a9c1d", or at least 4 of its first
 * characters), an email (or its start), or words of the customer's name or of a message; the other
 * fields narrow the results. Everything given must match.
 */
export const ConversationSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: ConversationStatus.optional(),
  /** The agent the conversation is assigned to. */
  assigneeId: Id.optional(),
  /** Started at or after / at or before (inclusive). */
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ConversationSearchQuery = z.infer<typeof ConversationSearchQuery>;

/** What made a conversation match `q`. */
export const SearchMatch = z.enum(["id", "email", "name", "text", "filters"]);
export type SearchMatch = z.infer<typeof SearchMatch>;

/** One result: the conversation, and why it matched. */
export const ConversationHit = z.object({ conversation: Conversation, matched: SearchMatch });
export type ConversationHit = z.infer<typeof ConversationHit>;

export const ConversationSearchResult = z.object({ hits: z.array(ConversationHit) });
export type ConversationSearchResult = z.infer<typeof ConversationSearchResult>;

/** A rating the customer gave: the whole conversation (1 to 5) or one answer (up or down). */
export const CustomerRating = z.object({
  conversationId: Id,
  at: Timestamp,
  score: z.number().int().min(1).max(5).nullable(),
  thumb: z.enum(["up", "down"]).nullable(),
  comment: z.string().nullable(),
});
export type CustomerRating = z.infer<typeof CustomerRating>;

/** GET /api/customers/profile?conversationId=: who the customer is, their conversations and ratings. */
export const CustomerProfileView = z.object({
  customer: CustomerProfile,
  /** Whether identify() (a verified external id) or the widget's form told us who this is. */
  identified: z.boolean(),
  /** Every conversation of this customer (matched by email or external id), newest first. */
  conversations: z.array(Conversation),
  ratings: z.array(CustomerRating),
});
export type CustomerProfileView = z.infer<typeof CustomerProfileView>;
