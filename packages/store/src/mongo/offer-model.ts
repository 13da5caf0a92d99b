import { Schema, type Connection } from "mongoose";

/** handoff_offers: a waiting handoff offered to one person; _id is the review id. */
const offerSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    userId: { type: String, required: true },
    userName: { type: String, required: true },
    teamId: { type: String, required: true },
    offeredAt: { type: String, required: true },
    expiresAt: { type: String, required: true },
    // The expiry as an instant, for the sweep that moves an unanswered offer on.
    expiresTime: { type: Date, required: true },
    tried: { type: [String], default: [] },
  },
  { collection: "handoff_offers", versionKey: false, strictQuery: true },
);
offerSchema.index({ expiresTime: 1 });
offerSchema.index({ userId: 1 });

/** The handoff_offers model on one connection. */
export function offerModel(connection: Connection) {
  return connection.model("HandoffOffer", offerSchema);
}

/** The handoff_offers model type. */
export type OfferModel = ReturnType<typeof offerModel>;
