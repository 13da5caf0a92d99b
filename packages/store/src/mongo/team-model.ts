import { Schema, type Connection } from "mongoose";

/** teams: who handles which categories, and when; _id is the team id. */
const teamSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    // The name lower-cased: unique, so "Billing" and "billing" cannot both exist.
    nameKey: { type: String, required: true },
    categories: { type: [String], default: [] },
    members: { type: Schema.Types.Mixed, default: [] },
    hours: { type: Schema.Types.Mixed, default: null },
    offerSeconds: { type: Number, default: 30 },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: "teams", versionKey: false, minimize: false, strictQuery: true },
);
teamSchema.index({ nameKey: 1 }, { unique: true });

/** The teams model on one connection. */
export function teamModel(connection: Connection) {
  return connection.model("Team", teamSchema);
}

/** The teams model type. */
export type TeamModel = ReturnType<typeof teamModel>;
