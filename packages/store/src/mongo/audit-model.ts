import { Schema, type Connection } from "mongoose";
import { AuditAction } from "@handoff/contracts";

/** audit_events: the append-only log; _id is an ObjectId, whose hex string is the event id. */
const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: {
      type: new Schema(
        {
          type: { type: String, required: true, enum: ["user", "system", "customer"] },
          id: { type: String, default: null },
          name: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    action: { type: String, required: true, enum: AuditAction.options },
    conversationId: { type: String, default: null },
    details: { type: Schema.Types.Mixed, required: true },
    /** Actor, action, conversation and details lowercased, for word search (no $text on every deployment). */
    searchText: { type: String, default: "" },
  },
  { collection: "audit_events", versionKey: false, minimize: false, strictQuery: true },
);
// Newest first, overall or for one conversation or action. An ObjectId made in one process increases
// with every event, so _id orders events within the same millisecond.
auditSchema.index({ at: -1, _id: -1 });
auditSchema.index({ conversationId: 1, at: -1, _id: -1 });
auditSchema.index({ action: 1, at: -1, _id: -1 });

/** The audit_events model on one connection. */
export function auditModel(connection: Connection) {
  return connection.model("AuditEvent", auditSchema);
}

/** The audit_events model type. */
export type AuditModel = ReturnType<typeof auditModel>;
