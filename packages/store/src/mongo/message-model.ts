import { Schema, type Connection } from "mongoose";
import { Author, MessageHandling } from "@handoff/contracts";

/** messages: one document per message; _id is the message id. */
const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true, min: 1 },
    clientId: { type: String, default: null },
    author: { type: String, required: true, enum: Author.options },
    authorName: { type: String, default: null },
    text: { type: String, default: "" },
    // A system message's notice kind and details; absent on other messages and on older notices.
    notice: { type: Schema.Types.Mixed, default: undefined },
    sources: { type: Schema.Types.Mixed, required: true },
    internal: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    // What the bot has done with a customer message; null for every other author.
    handling: { type: String, default: null, enum: [...MessageHandling.options, null] },
  },
  { collection: "messages", versionKey: false, minimize: false, strictQuery: true },
);
// The seq allocator: a second message with a taken seq fails with E11000 and retries (message-repo).
// It also serves listSince/listRecent.
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
// Retry dedupe: only messages that carry a clientId take part.
messageSchema.index(
  { conversationId: 1, clientId: 1 },
  { unique: true, partialFilterExpression: { clientId: { $type: "string" } } },
);

// The recovery sweep's due work: only queued customer messages are in it, however long the history.
messageSchema.index({ handling: 1, createdAt: 1 }, { partialFilterExpression: { handling: "queued" } });

/** The messages model on one connection. */
export function messageModel(connection: Connection) {
  return connection.model("Message", messageSchema);
}

/** The messages model type. */
export type MessageModel = ReturnType<typeof messageModel>;
