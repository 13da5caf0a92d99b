import { z } from "zod";
import { ClientId, MessageText } from "./common";
import { Conversation } from "./conversation";
import type { Result } from "./errors";
import { Message } from "./message";

/** `message:send` from the customer: deduplicated by clientId. */
export const WidgetMessageSend = z.object({ clientId: ClientId, text: MessageText });
/** `messages:sync`: everything after the last sequence number the client holds. */
export const MessagesSync = z.object({ since: z.number().int().nonnegative() });
/** `typing:set`: the sender is or stops typing. */
export const TypingSet = z.object({ typing: z.boolean() });
/** `handoff:request`: the customer asks for a person. */
export const HandoffRequest = z.object({ reason: z.string().trim().max(500).optional() });

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

type Ack<T> = (result: Result<T>) => void;

/** Events the widget sends (every payload is validated against the schema of the same name). */
export interface WidgetClientEvents {
  "message:send": (
    payload: z.input<typeof WidgetMessageSend>,
    ack: Ack<{ message: Message; duplicate: boolean }>,
  ) => void;
  "messages:sync": (payload: z.input<typeof MessagesSync>, ack: Ack<ConversationSnapshot>) => void;
  "typing:set": (payload: z.input<typeof TypingSet>, ack?: Ack<null>) => void;
  "handoff:request": (
    payload: z.input<typeof HandoffRequest>,
    ack: Ack<{ conversation: Conversation }>,
  ) => void;
}

/** Events the server pushes to a customer's widget (their own conversation only). */
export interface WidgetServerEvents {
  "message:new": (message: Message) => void;
  "conversation:updated": (conversation: Conversation) => void;
  typing: (event: TypingEvent) => void;
}
