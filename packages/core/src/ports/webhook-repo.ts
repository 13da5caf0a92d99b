import type { WebhookDelivery, WebhookEndpoint } from "@handoff/contracts";

/** What an attempt changes on a delivery. */
export type DeliveryOutcome = Pick<
  WebhookDelivery,
  "status" | "attempts" | "nextAttemptAt" | "lastStatus" | "lastError" | "deliveredAt"
>;

/** Webhook endpoints (with their signing secrets) and their deliveries, kept until delivered or given up. */
export interface WebhookRepo {
  createEndpoint(endpoint: WebhookEndpoint, secret: string): Promise<WebhookEndpoint>;
  /** The endpoint and its signing secret, or null. */
  getEndpoint(id: string): Promise<{ endpoint: WebhookEndpoint; secret: string } | null>;
  /** Oldest first. */
  listEndpoints(): Promise<WebhookEndpoint[]>;
  updateEndpoint(
    id: string,
    patch: Partial<Pick<WebhookEndpoint, "enabled" | "events" | "description">>,
  ): Promise<WebhookEndpoint | null>;
  addDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** Pending deliveries whose next attempt is due at `now`, the earliest first. */
  listDue(now: string, limit: number): Promise<WebhookDelivery[]>;
  recordAttempt(id: string, outcome: DeliveryOutcome): Promise<void>;
  /** An endpoint's deliveries, newest first. */
  listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
}
