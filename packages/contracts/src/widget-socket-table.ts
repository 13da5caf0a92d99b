import { z } from "zod";
import { Conversation } from "./conversation";
import { Message } from "./message";
import type { ClientEventsOf, ServerEventsOf, SocketPushTable, SocketRequestTable } from "./socket-table";
import {
  ContactLeave,
  ConversationRate,
  ConversationResult,
  ConversationSnapshot,
  HandoffRequest,
  HandoffUnavailable,
  MessageRate,
  MessageSent,
  MessagesSync,
  QueuePosition,
  TypingEvent,
  TypingSet,
  WidgetMessageSend,
} from "./widget-events";

/** Every event the widget sends (/widget namespace): its payload and its ack's data. */
export const WidgetRequests = {
  "message:send": { input: WidgetMessageSend, result: MessageSent },
  "messages:sync": { input: MessagesSync, result: ConversationSnapshot },
  "typing:set": { input: TypingSet, result: z.null(), ackOptional: true },
  "handoff:request": { input: HandoffRequest, result: ConversationResult },
  "feedback:rate": { input: MessageRate, result: z.null() },
  "conversation:rate": { input: ConversationRate, result: z.null() },
  "contact:leave": { input: ContactLeave, result: z.null() },
} satisfies SocketRequestTable;
export type WidgetRequests = typeof WidgetRequests;
export type WidgetRequestName = keyof WidgetRequests;

/** Every push to a customer's widget (their own conversation only). */
export const WidgetPushes = {
  "message:new": Message,
  "conversation:updated": Conversation,
  typing: TypingEvent,
  "queue:position": QueuePosition,
  "handoff:unavailable": HandoffUnavailable,
} satisfies SocketPushTable;

/** Events the widget sends. */
export type WidgetClientEvents = ClientEventsOf<WidgetRequests>;
/** Events the server pushes to a customer's widget. */
export type WidgetServerEvents = ServerEventsOf<typeof WidgetPushes>;
