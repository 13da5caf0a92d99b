import { z } from "zod";

/*
 * The widget's extra events now live in packages/contracts (the server answers them); this module
 * keeps the names the chat code imports.
 */

export {
  ContactLeave,
  ConversationRate,
  HandoffUnavailable,
  MessageRate,
  QueuePosition,
} from "@handoff/contracts";
import type {
  ContactLeave,
  ConversationRate,
  HandoffUnavailable,
  MessageRate,
  QueuePosition,
} from "@handoff/contracts";

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
