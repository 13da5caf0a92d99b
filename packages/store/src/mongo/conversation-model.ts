import { Schema, type Connection } from "mongoose";
import { ConversationStatus } from "@handoff/contracts";

/** conversations: one document per conversation; _id is the conversation id. */
const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, enum: ConversationStatus.options },
    customer: { type: Schema.Types.Mixed, required: true },
    assigneeId: { type: String, default: null },
    assigneeName: { type: String, default: null },
    category: { type: String, default: null },
    // Highest seq whose message is stored; only ever raised ($max), see message-repo.
    lastSeq: { type: Number, required: true, min: 0 },
    // Seq of the message the preview shows, so a late write of an older message cannot overwrite it.
    previewSeq: { type: Number, required: true, min: 0 },
    lastMessagePreview: { type: String, default: null },
    // The customer's language (ISO 639-1), null until read from their messages.
    language: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // minimize: false keeps an empty customer profile {} instead of dropping the field.
  { collection: "conversations", versionKey: false, minimize: false, strictQuery: true },
);
// The inbox: newest activity first, optionally narrowed to some statuses.
conversationSchema.index({ updatedAt: -1 });
conversationSchema.index({ status: 1, updatedAt: -1 });
// The console's search: prefixes of the customer's email and name, the assigned agent, the start date.
conversationSchema.index({ "customer.email": 1 });
conversationSchema.index({ "customer.name": 1 });
conversationSchema.index({ assigneeId: 1, updatedAt: -1 });
conversationSchema.index({ createdAt: -1 });

/** The conversations model on one connection. */
export function conversationModel(connection: Connection) {
  return connection.model("Conversation", conversationSchema);
}

/** The conversations model type. */
export type ConversationModel = ReturnType<typeof conversationModel>;
