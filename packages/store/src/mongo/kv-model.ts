import { Schema, type Connection } from "mongoose";

/** kv: small JSON values by key (settings, secrets, seed markers); _id is the key. */
const kvSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: Schema.Types.Mixed },
  },
  { collection: "kv", versionKey: false, minimize: false, strictQuery: true },
);

/** The kv model on one connection. */
export function kvModel(connection: Connection) {
  return connection.model("KeyValue", kvSchema);
}

/** The kv model type. */
export type KeyValueModel = ReturnType<typeof kvModel>;
