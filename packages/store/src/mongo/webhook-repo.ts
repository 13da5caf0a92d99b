import { trusted } from "mongoose";
import { z } from "zod";
import { WebhookDelivery, WebhookEndpoint } from "@handoff/contracts";
import type { WebhookRepo } from "@handoff/core";
import { filterString, parseNullable } from "./docs";
import type { WebhookDeliveryModel, WebhookEndpointModel } from "./webhook-model";

const endpointFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, secret: _secret, ...rest }) => ({ ...rest, id: _id }))
  .pipe(WebhookEndpoint);

const deliveryFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, nextAttemptMs: _ms, ...rest }) => ({ ...rest, id: _id }))
  .pipe(WebhookDelivery);

/** WebhookRepo on MongoDB. */
export function mongoWebhookRepo(
  endpoints: WebhookEndpointModel,
  deliveries: WebhookDeliveryModel,
): WebhookRepo {
  return {
    async createEndpoint(input, secret) {
      const endpoint = WebhookEndpoint.parse(input);
      const { id, ...fields } = endpoint;
      await endpoints.create({ ...fields, _id: id, secret: filterString(secret, "secret") });
      return endpoint;
    },
    async getEndpoint(id) {
      const doc = await endpoints.findById(filterString(id, "id")).lean();
      const endpoint = parseNullable(endpointFromDoc, doc);
      return endpoint && doc ? { endpoint, secret: doc.secret } : null;
    },
    async listEndpoints() {
      const docs = await endpoints.find({}).sort({ createdAt: 1, _id: 1 }).lean();
      return docs.map((doc) => endpointFromDoc.parse(doc));
    },
    async updateEndpoint(id, patch) {
      const set = Object.fromEntries(
        Object.entries({
          enabled: patch.enabled,
          events: patch.events,
          description: patch.description,
        }).filter(([, value]) => value !== undefined),
      );
      const doc = await endpoints
        .findByIdAndUpdate(filterString(id, "id"), { $set: set }, { new: true })
        .lean();
      return parseNullable(endpointFromDoc, doc);
    },
    async addDeliveries(rows) {
      if (rows.length === 0) return;
      await deliveries.insertMany(
        rows.map((row) => {
          const { id, ...fields } = WebhookDelivery.parse(row);
          return { ...fields, _id: id, nextAttemptMs: Date.parse(fields.nextAttemptAt) };
        }),
      );
    },
    async listDue(now, limit) {
      const docs = await deliveries
        .find({ status: "pending", nextAttemptMs: trusted({ $lte: Date.parse(filterString(now, "now")) }) })
        .sort({ nextAttemptMs: 1, createdAt: 1 })
        .limit(limit)
        .lean();
      return docs.map((doc) => deliveryFromDoc.parse(doc));
    },
    async recordAttempt(id, outcome) {
      await deliveries.updateOne(
        { _id: filterString(id, "id") },
        { $set: { ...outcome, nextAttemptMs: Date.parse(outcome.nextAttemptAt) } },
      );
    },
    async listDeliveries(endpointId, limit) {
      const docs = await deliveries
        .find({ endpointId: filterString(endpointId, "endpointId") })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean();
      return docs.map((doc) => deliveryFromDoc.parse(doc));
    },
  };
}
