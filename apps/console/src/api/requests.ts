import { z } from "zod";
import {
  Conversation,
  Inbox,
  Message,
  Review,
  type HandoffOutcome,
  type ReviewDecision,
} from "@handoff/contracts";
import { unwrap } from "./ack";
import type { ConsoleSocket } from "./console-socket";

const TIMEOUT_MS = 15_000;

// Every request goes through the ack and is checked by the schema of what it should return.

/** Open reviews and the conversations needing a person (and resolved ones, on request). */
export const listInbox = async (socket: ConsoleSocket, includeResolved: boolean) =>
  unwrap(Inbox, await socket.timeout(TIMEOUT_MS).emitWithAck("inbox:list", { includeResolved }));

/** Subscribes to one conversation and returns what happened after `since`. */
export const openConversation = async (socket: ConsoleSocket, conversationId: string, since: number) =>
  unwrap(
    z.object({ conversation: Conversation, messages: z.array(Message), reviews: z.array(Review) }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("conversation:open", { conversationId, since }),
  );

/** Stops following a conversation. */
export const closeConversation = (socket: ConsoleSocket, conversationId: string) => {
  socket.emit("conversation:close", { conversationId });
};

/** Approve, edit, choose, guide, reject or take over a pending draft. */
export const decideReview = async (socket: ConsoleSocket, reviewId: string, decision: ReviewDecision) =>
  unwrap(
    z.object({ review: Review }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("review:decide", { reviewId, decision }),
  ).review;

/** Takes a waiting handoff; a conflict error names the agent who was faster. */
export const claimHandoff = async (socket: ConsoleSocket, reviewId: string) =>
  unwrap(
    z.object({ review: Review }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("handoff:claim", { reviewId }),
  ).review;

/** Hands the conversation back to the bot, or resolves it. */
export const releaseHandoff = async (
  socket: ConsoleSocket,
  conversationId: string,
  outcome: HandoffOutcome,
) =>
  unwrap(
    z.object({ conversation: Conversation }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("handoff:release", { conversationId, outcome }),
  ).conversation;

/** A reply to the customer, or an internal note for the team. */
export const sendMessage = async (
  socket: ConsoleSocket,
  input: { conversationId: string; clientId: string; text: string; internal: boolean },
) =>
  unwrap(
    z.object({ message: Message, duplicate: z.boolean() }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("message:send", input),
  ).message;

/** Tells the customer whether the agent is typing. */
export const setTyping = (socket: ConsoleSocket, conversationId: string, typing: boolean) => {
  socket.emit("typing:set", { conversationId, typing });
};
