import { z } from "zod";
import { Id, Timestamp } from "./common";
import { Conversation } from "./conversation";
import { Message } from "./message";
import { Review } from "./review";
import { HandoffUnavailable, TypingEvent } from "./widget-events";

/**
 * What changed on a conversation: `activity` is a new message and nothing else (the inbox only cares
 * when a person is involved); `state` is anything else: status, assignee, category, customer.
 */
export const ConversationChange = z.enum(["state", "activity"]);
export type ConversationChange = z.infer<typeof ConversationChange>;

const ReviewData = z.object({ review: Review });

// Each kind's details, written once: the platform events and the webhook events are built from them.
const data = {
  "message.created": z.object({ message: Message }),
  "conversation.changed": z.object({ conversation: Conversation, change: ConversationChange }),
  "review.opened": ReviewData,
  "review.decided": ReviewData,
  "handoff.claimed": ReviewData,
  "handoff.handed_back": ReviewData,
  "handoff.resolved": ReviewData,
  "message.rated": z.object({ conversationId: Id, messageId: Id, rating: z.enum(["up", "down"]) }),
  "correction.approved": z.object({ correctionId: Id, conversationId: Id.nullable() }),
  /** A review changed otherwise: withdrawn, handed to someone else, back in the queue, redacted. */
  "review.updated": ReviewData,
  /** Someone in the conversation started or stopped typing. */
  typing: TypingEvent,
  /** Nobody is there to take a waiting customer: their channel offers to reply by email. */
  "handoff.unavailable": HandoffUnavailable,
  /** A privacy erasure removed the conversation: its widgets are cut off, consoles drop it. */
  "conversation.erased": z.object({ conversationId: Id }),
  /** A waiting customer left an email to be answered at: the email channel takes the conversation. */
  "contact.left": z.object({ conversationId: Id, email: z.string().email() }),
};
type Kind = keyof typeof data;

const raised = <T extends Kind>(type: T) => z.object({ type: z.literal(type), data: data[type] });

/**
 * What core publishes through its one port (Notifier.publish) and every subscriber receives as it is:
 * the sockets, the graph worker's bridge, webhooks, channels, approvers.
 */
export const PlatformEvent = z.discriminatedUnion("type", [
  raised("message.created"),
  raised("conversation.changed"),
  raised("review.opened"),
  raised("review.decided"),
  raised("handoff.claimed"),
  raised("handoff.handed_back"),
  raised("handoff.resolved"),
  raised("message.rated"),
  raised("correction.approved"),
  raised("review.updated"),
  raised("typing"),
  raised("handoff.unavailable"),
  raised("conversation.erased"),
  raised("contact.left"),
]);
export type PlatformEvent = z.infer<typeof PlatformEvent>;

/** The platform event of one kind. */
export type PlatformEventOf<T extends PlatformEvent["type"]> = Extract<PlatformEvent, { type: T }>;

const event = <T extends Kind>(type: T) => raised(type).extend({ id: Id, at: Timestamp });

/**
 * What happened on the platform, as webhooks receive it: `id` is unique per event (receivers dedupe
 * on it), `at` when it happened, `data` the typed details.
 */
export const DomainEvent = z.discriminatedUnion("type", [
  event("message.created"),
  event("conversation.changed"),
  event("review.opened"),
  event("review.decided"),
  event("handoff.claimed"),
  event("handoff.handed_back"),
  event("handoff.resolved"),
  event("message.rated"),
  event("correction.approved"),
]);
export type DomainEvent = z.infer<typeof DomainEvent>;

/** The kinds of DomainEvent, which a webhook endpoint subscribes to. */
export const DomainEventType = z.enum([
  "message.created",
  "conversation.changed",
  "review.opened",
  "review.decided",
  "handoff.claimed",
  "handoff.handed_back",
  "handoff.resolved",
  "message.rated",
  "correction.approved",
]);
export type DomainEventType = z.infer<typeof DomainEventType>;

/** A platform event webhooks may subscribe to (the rest are for live clients only). */
export type WebhookEvent = PlatformEventOf<DomainEventType>;

/** Whether webhooks may subscribe to this platform event. */
export function isWebhookEvent(event: PlatformEvent): event is WebhookEvent {
  return DomainEventType.safeParse(event.type).success;
}

/** The event a handoff's end publishes. */
export function handoffEnded(review: Review, outcome: "handed_back" | "resolved"): PlatformEvent {
  return outcome === "handed_back"
    ? { type: "handoff.handed_back", data: { review } }
    : { type: "handoff.resolved", data: { review } };
}

/** The review an event is about (opened, decided, claimed, ended or otherwise changed), or null. */
export function reviewIn(event: PlatformEvent): Review | null {
  switch (event.type) {
    case "review.opened":
    case "review.decided":
    case "review.updated":
    case "handoff.claimed":
    case "handoff.handed_back":
    case "handoff.resolved":
      return event.data.review;
    default:
      return null;
  }
}
