import { Schema, type Connection } from "mongoose";

/** api_keys: _id is the key id; the secret is kept only as its hash. */
const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    prefix: { type: String, required: true },
    scopes: { type: [String], required: true },
    secretHash: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdByName: { type: String, required: true },
    createdAt: { type: String, required: true },
    lastUsedAt: { type: String, default: null },
    revokedAt: { type: String, default: null },
  },
  { collection: "api_keys", versionKey: false, strictQuery: true },
);
apiKeySchema.index({ secretHash: 1 }, { unique: true });
apiKeySchema.index({ createdAt: -1 });

/** The api_keys model on one connection. */
export function apiKeyModel(connection: Connection) {
  return connection.model("ApiKey", apiKeySchema);
}

/** The api_keys model type. */
export type ApiKeyModel = ReturnType<typeof apiKeyModel>;
