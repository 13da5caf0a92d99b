import { z } from "zod";
import { Conversation, Id, Message, resultSchema } from "@handoff/contracts";

// The bench reads only what it times, so pushed payloads are validated by the contracts' own field
// schemas, picked down: parsing whole review packets on 20 consoles would load the machine it measures.

/** The fields of a pushed `message:new` the bench needs. */
export const MessageHead = Message.pick({ conversationId: true, seq: true, author: true });

/** The fields of a pushed `conversation:updated` the bench needs. */
export const ConversationHead = Conversation.pick({ id: true, status: true });

/** The fields of a pushed `review:created` the bench needs. */
export const ReviewHead = z.object({ id: Id, conversationId: Id, kind: z.enum(["approval", "handoff"]) });

/** Any ack: success (its data unread), or the server's ApiError. */
export const AckResult = resultSchema(z.unknown());
