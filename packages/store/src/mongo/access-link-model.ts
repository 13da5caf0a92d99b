import { Schema, type Connection } from "mongoose";
import { AccessLinkKind, Role } from "@handoff/contracts";

/** access_links: one-time invitation and password-reset links; _id is the link id. */
const accessLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: AccessLinkKind.options },
    // Only a hash of the token is kept, so a leaked database does not leak usable links.
    tokenHash: { type: String, required: true },
    email: { type: String, required: true },
    role: { type: String, required: true, enum: Role.options },
    name: { type: String, default: null },
    userId: { type: String, default: null },
    createdBy: { id: { type: String, default: null }, name: { type: String, default: null } },
    createdAt: { type: String, required: true },
    // ISO timestamps in UTC, so they compare correctly as strings.
    expiresAt: { type: String, required: true },
    usedAt: { type: String, default: null },
    revokedAt: { type: String, default: null },
  },
  { collection: "access_links", versionKey: false, strictQuery: true },
);
accessLinkSchema.index({ tokenHash: 1 }, { unique: true });
accessLinkSchema.index({ kind: 1, email: 1 });

/** The access_links model on one connection. */
export function accessLinkModel(connection: Connection) {
  return connection.model("AccessLink", accessLinkSchema);
}

/** The access_links model type. */
export type AccessLinkModel = ReturnType<typeof accessLinkModel>;
