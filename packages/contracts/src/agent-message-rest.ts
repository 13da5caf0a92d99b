import { z } from "zod";
import { AgentMessageSend } from "./console-events";
import { Message } from "./message";

/** POST /api/conversations/:id/messages: an agent's reply or internal note, as the socket's `message:send`. */
export const AgentMessageCreate = z.strictObject(AgentMessageSend.omit({ conversationId: true }).shape);
export type AgentMessageCreate = z.infer<typeof AgentMessageCreate>;

/** The answer: the stored message, and whether its clientId had been used already (nothing new stored). */
export const AgentMessageCreated = z.object({ message: Message, duplicate: z.boolean() });
