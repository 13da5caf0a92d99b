import { z } from "zod";
import {
  AgentMessageSend,
  AgentTypingSet,
  ConversationClose,
  ConversationErased,
  ConversationOpen,
  HandoffClaim,
  HandoffRelease,
  Inbox,
  InboxList,
  OfferAnswer,
  OffersList,
  OfferWithdrawn,
  ReviewDecide,
} from "./console-events";
import { Conversation } from "./conversation";
import { Message } from "./message";
import { Review } from "./review";
import type { ClientEventsOf, ServerEventsOf, SocketPushTable, SocketRequestTable } from "./socket-table";
import { HandoffOffer } from "./teams";
import { ConversationResult, MessageSent, ConversationSnapshot, TypingEvent } from "./widget-events";

/** Ack of the requests that answer with the review they changed. */
export const ReviewResult = z.object({ review: Review });
/** Ack of `conversation:open`: the snapshot plus the conversation's reviews. */
export const ConsoleSnapshot = ConversationSnapshot.extend({ reviews: z.array(Review) });
export type ConsoleSnapshot = z.infer<typeof ConsoleSnapshot>;
/** Ack of `offers:list`. */
export const OffersResult = z.object({ offers: z.array(HandoffOffer) });

/** Every event a console sends (/console namespace): its payload and its ack's data. */
export const ConsoleRequests = {
  "inbox:list": { input: InboxList, result: Inbox },
  "review:decide": { input: ReviewDecide, result: ReviewResult },
  "handoff:claim": { input: HandoffClaim, result: ReviewResult },
  "handoff:release": { input: HandoffRelease, result: ConversationResult },
  "message:send": { input: AgentMessageSend, result: MessageSent },
  "conversation:open": { input: ConversationOpen, result: ConsoleSnapshot },
  "conversation:close": { input: ConversationClose, result: z.null(), ackOptional: true },
  "typing:set": { input: AgentTypingSet, result: z.null(), ackOptional: true },
  "handoff:accept": { input: OfferAnswer, result: ReviewResult },
  "handoff:decline": { input: OfferAnswer, result: z.null() },
  "offers:list": { input: OffersList, result: OffersResult },
} satisfies SocketRequestTable;
export type ConsoleRequests = typeof ConsoleRequests;
export type ConsoleRequestName = keyof ConsoleRequests;

/** Every push to consoles (queue room for everyone, conversation rooms for followers). */
export const ConsolePushes = {
  "review:created": Review,
  "review:updated": Review,
  "conversation:updated": Conversation,
  "conversation:erased": ConversationErased,
  "message:new": Message,
  typing: TypingEvent,
  /** A waiting handoff is offered to this person (their sockets only). */
  "handoff:offered": HandoffOffer,
  "handoff:offer_withdrawn": OfferWithdrawn,
} satisfies SocketPushTable;

/** Events a console sends. */
export type ConsoleClientEvents = ClientEventsOf<ConsoleRequests>;
/** Events the server pushes to consoles. */
export type ConsoleServerEvents = ServerEventsOf<typeof ConsolePushes>;
