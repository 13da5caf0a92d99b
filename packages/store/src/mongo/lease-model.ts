import { Schema, type Connection } from "mongoose";

/** leases: who holds a key until when; _id is the key. */
const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: "leases", versionKey: false, strictQuery: true },
);

/** The lease model on one connection. */
export function leaseModel(connection: Connection) {
  return connection.model("Lease", leaseSchema);
}

/** The lease model type. */
export type LeaseModel = ReturnType<typeof leaseModel>;
