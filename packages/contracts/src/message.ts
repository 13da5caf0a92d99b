import { z } from "zod";
import { ClientId, Id, Timestamp } from "./common";
import { Author } from "./turn";
import { SourceRef } from "./routing";
import { Notice } from "./notice";

/** A stored message: server id plus a per-conversation sequence number clients dedupe and resync by. */
export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int().positive(),
  clientId: ClientId.nullable(),
  author: Author,
  authorName: z.string().nullable(),
  /** Empty on a system notice, which channels render from `notice` in their reader's language. */
  text: z.string(),
  /** What a system message says, as a kind (absent on other messages and on notices stored before kinds). */
  notice: Notice.optional(),
  sources: z.array(SourceRef),
  /** Internal notes are for agents only and never reach the customer. */
  internal: z.boolean(),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

/**
 * What has become of a customer message (the lifecycle table in the README): `queued` for the bot,
 * `held` behind a pending approval, `routed` by a bot run of its own (sent, or paused for a person),
 * or given to a `person` who has the conversation.
 */
export const MessageHandling = z.enum(["queued", "held", "routed", "person"]);
export type MessageHandling = z.infer<typeof MessageHandling>;
