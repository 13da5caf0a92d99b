import { z } from "zod";
import { Id, Timestamp } from "./common";
import { DomainEventType } from "./domain-events";

/** A receiver of signed webhook deliveries and the events it wants. */
export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string().url(),
  description: z.string(),
  events: z.array(DomainEventType),
  enabled: z.boolean(),
  createdAt: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** An http(s) address a delivery is POSTed to. */
export const WebhookUrl = z
  .string()
  .trim()
  .url()
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url), "use an http or https address");

/** POST /api/webhooks */
export const WebhookCreate = z.strictObject({
  url: WebhookUrl,
  description: z.string().trim().max(200).default(""),
  events: z
    .array(DomainEventType)
    .min(1, "choose at least one event")
    .transform((events) => [...new Set(events)]),
});
export type WebhookCreate = z.infer<typeof WebhookCreate>;

/** PATCH /api/webhooks/:id: turn it off or on, or change what it receives. */
export const WebhookUpdate = z
  .strictObject({
    enabled: z.boolean(),
    events: WebhookCreate.shape.events,
    description: WebhookCreate.shape.description,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "nothing to change");
export type WebhookUpdate = z.infer<typeof WebhookUpdate>;

/** The answer to POST /api/webhooks: the signing secret is shown this once. */
export const WebhookCreated = z.object({ endpoint: WebhookEndpoint, secret: z.string() });

/** GET /api/webhooks */
export const WebhookList = z.object({ endpoints: z.array(WebhookEndpoint) });

/** Where a delivery stands: waiting for its (next) attempt, received with a 2xx, or given up. */
export const WebhookDeliveryStatus = z.enum(["pending", "delivered", "failed"]);

/** One event sent to one endpoint, with its attempts so far. */
export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  eventId: Id,
  eventType: DomainEventType,
  /** The exact JSON body that is signed and sent. */
  body: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Timestamp,
  /** The HTTP status of the last attempt, null when it got no answer. */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** GET /api/webhooks/:id/deliveries: newest first. */
export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDelivery) });

/** The headers every delivery carries. */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>` */
  signature: "x-handoff-signature",
  event: "x-handoff-event",
  delivery: "x-handoff-delivery",
} as const;
