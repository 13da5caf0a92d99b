import { z } from "zod";
import { ClientId, Id, MessageText } from "./common";
import { Conversation } from "./conversation";
import { HandoffOutcome, Review, ReviewDecision } from "./review";

/** `review:decide`: an agent's decision on a pending draft. */
export const ReviewDecide = z.object({ reviewId: Id, decision: ReviewDecision });
/** `conversation:erased` (server -> consoles): a supervisor erased this customer's conversation. */
export const ConversationErased = z.object({ conversationId: Id });
export type ConversationErased = z.infer<typeof ConversationErased>;
/** `handoff:claim`: take a waiting handoff (only one agent wins). */
export const HandoffClaim = z.object({ reviewId: Id });
/** `handoff:release`: hand the conversation back to the bot or resolve it. */
export const HandoffRelease = z.object({ conversationId: Id, outcome: HandoffOutcome });
/** `message:send` from an agent: a reply to the customer, or an internal note. */
export const AgentMessageSend = z.object({
  conversationId: Id,
  clientId: ClientId,
  text: MessageText,
  internal: z.boolean().default(false),
});
/** `conversation:open`: subscribe to one conversation and get what happened after `since`. */
export const ConversationOpen = z.object({
  conversationId: Id,
  since: z.number().int().nonnegative().default(0),
});
/** `conversation:close`: stop following a conversation. */
export const ConversationClose = z.object({ conversationId: Id });
/** `typing:set` from an agent. */
export const AgentTypingSet = z.object({ conversationId: Id, typing: z.boolean() });
/** `handoff:accept` / `handoff:decline`: answer a handoff offered to you. */
export const OfferAnswer = z.object({ reviewId: Id });
/** `offers:list`: the handoffs offered to you now (after a reload). */
export const OffersList = z.object({});
/** `handoff:offer_withdrawn` (server -> console): the offer ended (taken, timed out, moved on). */
export const OfferWithdrawn = z.object({ reviewId: Id });
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;
/** `inbox:list`: open reviews and conversations needing a person. */
export const InboxList = z.object({ includeResolved: z.boolean().default(false) });

/** The inbox: pending pauses plus the conversations they belong to. */
export const Inbox = z.object({ reviews: z.array(Review), conversations: z.array(Conversation) });
export type Inbox = z.infer<typeof Inbox>;
