import { z } from "zod";
import { ClientId, Id, Timestamp } from "./common";
import { Author } from "./turn";
import { SourceRef } from "./routing";

/** A stored message: server id plus a per-conversation sequence number clients dedupe and resync by. */
export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int().positive(),
  clientId: ClientId.nullable(),
  author: Author,
  authorName: z.string().nullable(),
  text: z.string(),
  sources: z.array(SourceRef),
  /** Internal notes are for agents only and never reach the customer. */
  internal: z.boolean(),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;
