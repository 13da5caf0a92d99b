import { Schema, type Connection } from "mongoose";

/** api_channels: _id is the channel id; the signing secret is kept to sign replies. */
const channelSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    webhookUrl: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    secret: { type: String, required: true },
    createdAt: { type: String, required: true },
  },
  { collection: "api_channels", versionKey: false, strictQuery: true },
);

/** channel_links: _id is the conversation id (a conversation is on one channel). */
const linkSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    channelId: { type: String, default: null },
    externalKey: { type: String, default: null },
    address: { type: String, default: null },
    subject: { type: String, default: null },
    threadRefs: { type: [String], default: [] },
    createdAt: { type: String, required: true },
  },
  { collection: "channel_links", versionKey: false, strictQuery: true },
);

/** channel_keys: _id is "<channelId>\0<externalKey>", so one thread key starts one conversation. */
const keySchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
  },
  { collection: "channel_keys", versionKey: false, strictQuery: true },
);

/** channel_deliveries: one reply to one customer; unique per (message, kind, target). */
const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    messageId: { type: String, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    kind: { type: String, required: true },
    target: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: String, required: true },
    nextAttemptMs: { type: Number, required: true },
    lastError: { type: String, default: null },
    createdAt: { type: String, required: true },
    deliveredAt: { type: String, default: null },
  },
  { collection: "channel_deliveries", versionKey: false, strictQuery: true },
);
deliverySchema.index({ messageId: 1, kind: 1, target: 1 }, { unique: true });
deliverySchema.index({ status: 1, nextAttemptMs: 1 });
deliverySchema.index({ target: 1, createdAt: -1 });
deliverySchema.index({ conversationId: 1, createdAt: -1 });

/** The channel models on one connection. */
export function channelModels(connection: Connection) {
  return {
    apiChannels: connection.model("ApiChannel", channelSchema),
    channelLinks: connection.model("ChannelLink", linkSchema),
    channelKeys: connection.model("ChannelKey", keySchema),
    channelDeliveries: connection.model("ChannelDelivery", deliverySchema),
  };
}

export type ChannelModels = ReturnType<typeof channelModels>;
