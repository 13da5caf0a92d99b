import { z } from "zod";
import {
  WebhookCreated,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookList,
  type WebhookCreate,
  type WebhookUpdate,
} from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/webhooks */
export const listWebhooks = (client: RestClient) =>
  client.get(WebhookList, "/api/webhooks").then((r) => r.endpoints);

/** Registers an endpoint; its signing secret is in this answer only. */
export const createWebhook = (client: RestClient, input: WebhookCreate) =>
  client.post(WebhookCreated, "/api/webhooks", input);

/** Turns an endpoint off or on, or changes its events. */
export const updateWebhook = (client: RestClient, id: string, patch: WebhookUpdate) =>
  client
    .patch(z.object({ endpoint: WebhookEndpoint }), `/api/webhooks/${encodeURIComponent(id)}`, patch)
    .then((r) => r.endpoint);

/** An endpoint's latest deliveries, newest first. */
export const listDeliveries = (client: RestClient, id: string) =>
  client
    .get(WebhookDeliveryList, `/api/webhooks/${encodeURIComponent(id)}/deliveries`)
    .then((r) => r.deliveries);
