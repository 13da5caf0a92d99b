import { z } from "zod";
import { Id } from "@handoff/contracts";

/*
 * Events the widget needs that the server does not have yet. They are written exactly as they should
 * land in packages/contracts/src/widget-events.ts, so connecting them is a move, not a rewrite.
 * Until the server answers them, their acks time out and the widget says the action was not saved.
 */

/** `feedback:rate` (client -> server): thumbs up/down on one bot answer; re-rating replaces the rating. */
export const MessageRate = z.object({ messageId: Id, rating: z.enum(["up", "down"]) });
export type MessageRate = z.infer<typeof MessageRate>;

/** `conversation:rate` (client -> server): satisfaction after the conversation is resolved. */
export const ConversationRate = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type ConversationRate = z.infer<typeof ConversationRate>;

/** `contact:leave` (client -> server): an email to answer later when no agent was available in time. */
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

/** `handoff:unavailable` (server -> widget): no agent took the handoff before its deadline (or none is on shift). */
export const HandoffUnavailable = z.object({
  conversationId: Id,
  reason: z.enum(["timeout", "no_agents"]),
});
export type HandoffUnavailable = z.infer<typeof HandoffUnavailable>;

/** POST /api/visitor gains `identity`: the site backend's HMAC-SHA256 (hex) of the user id. */
export const VisitorIdentity = z.object({
  userId: z.string().trim().min(1).max(200),
  signature: z.string().trim().min(1).max(200),
});
export type VisitorIdentity = z.infer<typeof VisitorIdentity>;

type Ack<T> = (
  result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } },
) => void;

/** The proposed client events, typed like WidgetClientEvents. */
export interface ProposedClientEvents {
  "feedback:rate": (payload: MessageRate, ack: Ack<null>) => void;
  "conversation:rate": (payload: ConversationRate, ack: Ack<null>) => void;
  "contact:leave": (payload: ContactLeave, ack: Ack<null>) => void;
}

/** The proposed server pushes, typed like WidgetServerEvents. */
export interface ProposedServerEvents {
  "queue:position": (payload: QueuePosition) => void;
  "handoff:unavailable": (payload: HandoffUnavailable) => void;
}
