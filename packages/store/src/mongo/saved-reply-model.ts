import { Schema, type Connection } from "mongoose";
import { SavedReplyScope } from "@handoff/contracts";

/** saved_replies: canned responses; _id is the reply id. */
const savedReplySchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true, enum: SavedReplyScope.options },
    ownerId: { type: String, default: null },
    // "team" or "user:<owner id>": a shortcut is unique among the team's replies and among each agent's own.
    scopeKey: { type: String, required: true },
    shortcut: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: "saved_replies", versionKey: false, strictQuery: true },
);
savedReplySchema.index({ scopeKey: 1, shortcut: 1 }, { unique: true });

/** The saved_replies model on one connection. */
export function savedReplyModel(connection: Connection) {
  return connection.model("SavedReply", savedReplySchema);
}

/** The saved_replies model type. */
export type SavedReplyModel = ReturnType<typeof savedReplyModel>;
