import { Schema, type Connection } from "mongoose";

/**
 * How long MongoDB keeps a session after it expired. Expiry is judged by the caller (who knows the
 * time); the TTL index only clears out old sessions, with a margin so it never decides for the caller.
 */
const KEEP_EXPIRED_SECONDS = 7 * 24 * 60 * 60;

/** sessions: signed-in console sessions; _id is the hash of the bearer token. */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    // As given, for find(); and as an instant for the TTL index.
    expiresAt: { type: String, required: true },
    expiresTime: { type: Date, required: true },
  },
  { collection: "sessions", versionKey: false, strictQuery: true },
);
sessionSchema.index({ expiresTime: 1 }, { expireAfterSeconds: KEEP_EXPIRED_SECONDS });
sessionSchema.index({ userId: 1 });

/** The sessions model on one connection. */
export function sessionModel(connection: Connection) {
  return connection.model("Session", sessionSchema);
}

/** The sessions model type. */
export type SessionModel = ReturnType<typeof sessionModel>;
