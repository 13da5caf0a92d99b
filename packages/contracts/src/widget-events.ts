import { z } from "zod";
import { ClientId, Id, MessageText, Timestamp } from "./common";
import { Conversation } from "./conversation";
import { Message } from "./message";

/** `message:send` from the customer: deduplicated by clientId. */
export const WidgetMessageSend = z.object({ clientId: ClientId, text: MessageText });
/** `messages:sync`: everything after the last sequence number the client holds. */
export const MessagesSync = z.object({ since: z.number().int().nonnegative() });
/** `typing:set`: the sender is or stops typing. */
export const TypingSet = z.object({ typing: z.boolean() });
/** `handoff:request`: the customer asks for a person. */
export const HandoffRequest = z.object({ reason: z.string().trim().max(500).optional() });

/** `feedback:rate`: thumbs up/down on one bot answer; re-rating replaces the rating. */
export const MessageRate = z.object({ messageId: Id, rating: z.enum(["up", "down"]) });
export type MessageRate = z.infer<typeof MessageRate>;

/** `conversation:rate`: satisfaction after the conversation is resolved. */
export const ConversationRate = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type ConversationRate = z.infer<typeof ConversationRate>;

/** `contact:leave`: an email to answer later when no agent was available in time. */
export const ContactLeave = z.object({
  email: z.string().trim().email().max(320),
  note: z.string().trim().max(1000).optional(),
});
export type ContactLeave = z.infer<typeof ContactLeave>;

/** `queue:position` (server -> widget): where a waiting conversation is in the human queue. */
export const QueuePosition = z.object({
  conversationId: Id,
  position: z.number().int().positive(),
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
});
export type QueuePosition = z.infer<typeof QueuePosition>;

/**
 * `handoff:unavailable` (server -> widget): nobody took the handoff before its deadline, no agent is
 * online, or the team is closed (then `opensAt` says when it is back, if it ever is).
 */
export const HandoffUnavailable = z.object({
  conversationId: Id,
  reason: z.enum(["timeout", "no_agents", "closed"]),
  opensAt: Timestamp.nullable().optional(),
});
export type HandoffUnavailable = z.infer<typeof HandoffUnavailable>;

/** Conversation plus messages after a sequence number: what a (re)connecting client needs. */
export const ConversationSnapshot = z.object({ conversation: Conversation, messages: z.array(Message) });
export type ConversationSnapshot = z.infer<typeof ConversationSnapshot>;

/** Typing indicator pushed to the other side. */
export const TypingEvent = z.object({
  conversationId: z.string(),
  author: z.enum(["customer", "agent", "bot"]),
  name: z.string().nullable(),
  typing: z.boolean(),
});
export type TypingEvent = z.infer<typeof TypingEvent>;

/** Ack of a `message:send` (widget or console): the stored message, and whether it was a repeat. */
export const MessageSent = z.object({ message: Message, duplicate: z.boolean() });
export type MessageSent = z.infer<typeof MessageSent>;

/** Ack of the requests that answer with the conversation they changed. */
export const ConversationResult = z.object({ conversation: Conversation });
