import { Schema, type Connection } from "mongoose";

/** webhook_endpoints: _id is the endpoint id; the signing secret is kept to sign deliveries. */
const endpointSchema = new Schema(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    description: { type: String, default: "" },
    events: { type: [String], required: true },
    enabled: { type: Boolean, required: true },
    secret: { type: String, required: true },
    createdAt: { type: String, required: true },
  },
  { collection: "webhook_endpoints", versionKey: false, strictQuery: true },
);

/** webhook_deliveries: one event to one endpoint; pending ones are found by their next attempt. */
const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    endpointId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: String, required: true },
    nextAttemptMs: { type: Number, required: true },
    lastStatus: { type: Number, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: String, required: true },
    deliveredAt: { type: String, default: null },
  },
  { collection: "webhook_deliveries", versionKey: false, strictQuery: true },
);
deliverySchema.index({ status: 1, nextAttemptMs: 1 });
deliverySchema.index({ endpointId: 1, createdAt: -1 });

/** The webhook endpoint model on one connection. */
export function webhookEndpointModel(connection: Connection) {
  return connection.model("WebhookEndpoint", endpointSchema);
}

/** The webhook delivery model on one connection. */
export function webhookDeliveryModel(connection: Connection) {
  return connection.model("WebhookDelivery", deliverySchema);
}

export type WebhookEndpointModel = ReturnType<typeof webhookEndpointModel>;
export type WebhookDeliveryModel = ReturnType<typeof webhookDeliveryModel>;
