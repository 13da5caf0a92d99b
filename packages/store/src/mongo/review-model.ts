import { Schema, type Connection } from "mongoose";
import { ReviewStatus } from "@handoff/contracts";

/** reviews: approvals and handoffs waiting on a person; _id is the review id. */
const reviewSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ["approval", "handoff"] },
    conversationId: { type: String, required: true },
    threadId: { type: String, required: true },
    status: { type: String, required: true, enum: ReviewStatus.options },
    assigneeId: { type: String, default: null },
    assigneeName: { type: String, default: null },
    // Timestamps are kept as given (they may carry an offset) and, for sorting, as instants.
    createdAt: { type: String, required: true },
    createdTime: { type: Date, required: true },
    deadline: { type: String, required: true },
    deadlineTime: { type: Date, required: true },
    decidedAt: { type: String, default: null },
    decidedBy: { type: String, default: null },
    packet: { type: Schema.Types.Mixed, required: true },
    decision: { type: Schema.Types.Mixed, default: null },
    // Decided, and the graph has not yet been marked as having applied it (recovery's due work).
    resumeDue: { type: Boolean, default: false },
  },
  { collection: "reviews", versionKey: false, minimize: false, strictQuery: true },
);
// Queues (listByStatus), deadlines (listDue) and a conversation's history (listByConversation).
reviewSchema.index({ status: 1, createdTime: 1 });
reviewSchema.index({ status: 1, deadlineTime: 1 });
reviewSchema.index({ conversationId: 1, createdTime: 1 });
reviewSchema.index({ decidedAt: 1 }, { partialFilterExpression: { resumeDue: true } });

/** The reviews model on one connection. */
export function reviewModel(connection: Connection) {
  return connection.model("Review", reviewSchema);
}

/** The reviews model type. */
export type ReviewModel = ReturnType<typeof reviewModel>;
