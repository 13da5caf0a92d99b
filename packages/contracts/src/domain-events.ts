import { z } from "zod";
import { Id, Timestamp } from "./common";
import { Conversation } from "./conversation";
import { Message } from "./message";
import { Review } from "./review";

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: Id, type: z.literal(type), at: Timestamp, data });

/**
 * What happened on the platform, as webhooks receive it: `id` is unique per event (receivers dedupe
 * on it), `at` when it happened, `data` the typed details.
 */
export const DomainEvent = z.discriminatedUnion("type", [
  event("message.created", z.object({ message: Message })),
  event(
    "conversation.changed",
    z.object({ conversation: Conversation, change: z.enum(["state", "activity"]) }),
  ),
  event("review.opened", z.object({ review: Review })),
  event("review.decided", z.object({ review: Review })),
  event("handoff.claimed", z.object({ review: Review })),
  event("handoff.handed_back", z.object({ review: Review })),
  event("handoff.resolved", z.object({ review: Review })),
  event("message.rated", z.object({ conversationId: Id, messageId: Id, rating: z.enum(["up", "down"]) })),
  event("correction.approved", z.object({ correctionId: Id, conversationId: Id.nullable() })),
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
