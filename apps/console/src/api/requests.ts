import type { HandoffOutcome, ReviewDecision } from "@handoff/contracts";
import { request, send } from "./console-request";
import type { ConsoleSocket } from "./console-socket";

// Every request goes through the contracts' socket table: typed payload, ack checked by its schema.

/** Open reviews and the conversations needing a person (and resolved ones, on request). */
export const listInbox = (socket: ConsoleSocket, includeResolved: boolean) =>
  request(socket, "inbox:list", { includeResolved });

/** Subscribes to one conversation and returns what happened after `since`. */
export const openConversation = (socket: ConsoleSocket, conversationId: string, since: number) =>
  request(socket, "conversation:open", { conversationId, since });

/** Stops following a conversation. */
export const closeConversation = (socket: ConsoleSocket, conversationId: string) =>
  send(socket, "conversation:close", { conversationId });

/** Approve, edit, choose, guide, reject or take over a pending draft. */
export const decideReview = async (socket: ConsoleSocket, reviewId: string, decision: ReviewDecision) =>
  (await request(socket, "review:decide", { reviewId, decision })).review;

/** Takes a waiting handoff; a conflict error names the agent who was faster. */
export const claimHandoff = async (socket: ConsoleSocket, reviewId: string) =>
  (await request(socket, "handoff:claim", { reviewId })).review;

/** Hands the conversation back to the bot, or resolves it. */
export const releaseHandoff = async (
  socket: ConsoleSocket,
  conversationId: string,
  outcome: HandoffOutcome,
) => (await request(socket, "handoff:release", { conversationId, outcome })).conversation;

/** A reply to the customer, or an internal note for the team. */
export const sendMessage = async (
  socket: ConsoleSocket,
  input: { conversationId: string; clientId: string; text: string; internal: boolean },
) => (await request(socket, "message:send", input)).message;

/** Tells the customer whether the agent is typing. */
export const setTyping = (socket: ConsoleSocket, conversationId: string, typing: boolean) =>
  send(socket, "typing:set", { conversationId, typing });
