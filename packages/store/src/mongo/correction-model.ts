import { Schema, type Connection } from "mongoose";
import { CorrectionStatus } from "@handoff/contracts";

/** corrections: human answers used as few-shot feedback; _id is the correction id. */
const correctionSchema = new Schema(
  {
    _id: { type: String, required: true },
    question: { type: String, required: true },
    answer: { type: String, required: true },
    draft: { type: String, default: null },
    status: { type: String, required: true, enum: CorrectionStatus.options },
    reason: { type: String, default: null },
    tags: { type: [String], default: [] },
    conversationId: { type: String, default: null },
    sourceKey: { type: String, default: null },
    createdBy: { type: String, default: null },
    // As given (it may carry an offset) and, for sorting, as an instant.
    createdAt: { type: String, required: true },
    createdTime: { type: Date, required: true },
    reviewedBy: { type: String, default: null },
    reviewedAt: { type: String, default: null },
  },
  { collection: "corrections", versionKey: false, minimize: false, strictQuery: true },
);
// A redelivered event (same sourceKey) is stored once; corrections without one never collide.
correctionSchema.index(
  { sourceKey: 1 },
  { unique: true, partialFilterExpression: { sourceKey: { $type: "string" } } },
);
// The supervisor's queue: newest first, optionally by status.
correctionSchema.index({ status: 1, createdTime: -1 });
correctionSchema.index({ createdTime: -1 });

/** The corrections model on one connection. */
export function correctionModel(connection: Connection) {
  return connection.model("Correction", correctionSchema);
}

/** The corrections model type. */
export type CorrectionModel = ReturnType<typeof correctionModel>;
