import { randomBytes, randomUUID } from "node:crypto";
import {
  WEBHOOK_HEADERS,
  type DomainEvent,
  type User,
  type WebhookCreate,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookUpdate,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Clock, DeliveryOutcome, Store } from "../ports";
import { signWebhook } from "./webhook-signature";

/** One HTTP POST of a delivery; the server implements it with fetch and a timeout. */
export type WebhookSender = (request: {
  url: string;
  body: string;
  headers: Record<string, string>;
}) => Promise<{ status: number } | { error: string }>;

/** Retry timing: the first retry after `baseMs`, doubling each time up to an hour, `maxAttempts` in all. */
export interface WebhookRetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** Ten attempts over about a day and a half with a 10 s base (10 s, 20 s, ... capped at an hour). */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = { baseMs: 10_000, maxAttempts: 10 };

const MAX_BACKOFF_MS = 3_600_000;

/**
 * How long publishing trusts the endpoints it read. Every platform event is offered to the webhooks
 * (~5 per customer message), and reading the endpoints each time was one SQLite read each. Changes made
 * through this service apply at once; one made on another instance applies within this time (a disabled
 * endpoint is also checked when a delivery is sent, so it never gets one).
 */
const ENDPOINTS_TRUSTED_MS = 2000;

/**
 * Webhooks: supervisors register endpoints with the events they want (audited); each published event
 * becomes a stored delivery per subscribed endpoint, sent signed by `deliverDue` and retried with
 * back-off until a 2xx or the last attempt. Publishing only writes to the store, so a slow or
 * failing receiver never holds up the work that raised the event.
 */
export class WebhookService {
  private readonly retry: WebhookRetryPolicy;
  private endpoints: { readAt: number; list: Promise<WebhookEndpoint[]> } | null = null;

  constructor(private readonly deps: { store: Store; clock: Clock; retry?: WebhookRetryPolicy }) {
    this.retry = deps.retry ?? DEFAULT_WEBHOOK_RETRY;
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.deps.store.webhooks.listEndpoints();
  }

  async create(input: WebhookCreate, user: User): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = `whsec_${randomBytes(24).toString("base64url")}`;
    const endpoint = await this.deps.store.webhooks.createEndpoint(
      { id: randomUUID(), ...input, enabled: true, createdAt: this.now() },
      secret,
    );
    this.endpoints = null;
    await this.audit("webhook.created", user, endpoint, {});
    return { endpoint, secret };
  }

  async update(id: string, patch: WebhookUpdate, user: User): Promise<WebhookEndpoint> {
    const endpoint = await this.deps.store.webhooks.updateEndpoint(id, patch);
    this.endpoints = null;
    if (!endpoint) throw new DomainError("not_found", "webhook not found");
    await this.audit("webhook.updated", user, endpoint, { changed: Object.keys(patch) });
    return endpoint;
  }

  async deliveries(endpointId: string, limit = 50): Promise<WebhookDelivery[]> {
    if (!(await this.deps.store.webhooks.getEndpoint(endpointId)))
      throw new DomainError("not_found", "webhook not found");
    return this.deps.store.webhooks.listDeliveries(endpointId, limit);
  }

  /** Stores one delivery of the event for every enabled endpoint that subscribed to its type. */
  async publish(event: DomainEvent): Promise<number> {
    const endpoints = (await this.publishingEndpoints()).filter(
      (e) => e.enabled && e.events.includes(event.type),
    );
    if (endpoints.length === 0) return 0;
    const now = this.now();
    const body = JSON.stringify(event);
    await this.deps.store.webhooks.addDeliveries(
      endpoints.map((endpoint) => ({
        id: randomUUID(),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        body,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        lastStatus: null,
        lastError: null,
        createdAt: now,
        deliveredAt: null,
      })),
    );
    return endpoints.length;
  }

  /** Sends every due delivery once (in parallel) and records the outcome; returns how many were tried. */
  async deliverDue(send: WebhookSender, limit = 50): Promise<number> {
    const due = await this.deps.store.webhooks.listDue(this.now(), limit);
    await Promise.all(due.map((delivery) => this.attempt(delivery, send)));
    return due.length;
  }

  private async attempt(delivery: WebhookDelivery, send: WebhookSender): Promise<void> {
    const found = await this.deps.store.webhooks.getEndpoint(delivery.endpointId);
    const attempts = delivery.attempts + 1;
    if (!found || !found.endpoint.enabled) {
      await this.record(
        delivery,
        { attempts, lastStatus: null, lastError: "the endpoint is disabled" },
        true,
      );
      return;
    }
    const seconds = Math.floor(this.deps.clock.now().getTime() / 1000);
    const result = await send({
      url: found.endpoint.url,
      body: delivery.body,
      headers: {
        "content-type": "application/json",
        "user-agent": "handoff-webhooks/1",
        [WEBHOOK_HEADERS.signature]: signWebhook(found.secret, delivery.body, seconds),
        [WEBHOOK_HEADERS.event]: delivery.eventType,
        [WEBHOOK_HEADERS.delivery]: delivery.id,
      },
    });
    if ("status" in result && result.status >= 200 && result.status < 300) {
      await this.deps.store.webhooks.recordAttempt(delivery.id, {
        status: "delivered",
        attempts,
        nextAttemptAt: delivery.nextAttemptAt,
        lastStatus: result.status,
        lastError: null,
        deliveredAt: this.now(),
      });
      return;
    }
    const failure =
      "status" in result
        ? { lastStatus: result.status, lastError: `HTTP ${result.status}` }
        : { lastStatus: null, lastError: result.error };
    await this.record(delivery, { attempts, ...failure }, attempts >= this.retry.maxAttempts);
  }

  private async record(
    delivery: WebhookDelivery,
    outcome: Pick<DeliveryOutcome, "attempts" | "lastStatus" | "lastError">,
    giveUp: boolean,
  ): Promise<void> {
    const backoff = Math.min(this.retry.baseMs * 2 ** (outcome.attempts - 1), MAX_BACKOFF_MS);
    await this.deps.store.webhooks.recordAttempt(delivery.id, {
      ...outcome,
      status: giveUp ? "failed" : "pending",
      nextAttemptAt: new Date(this.deps.clock.now().getTime() + backoff).toISOString(),
      deliveredAt: null,
    });
  }

  /** The endpoints as read at most ENDPOINTS_TRUSTED_MS ago (a failed read is not kept). */
  private publishingEndpoints(): Promise<WebhookEndpoint[]> {
    const known = this.endpoints;
    if (known && performance.now() - known.readAt < ENDPOINTS_TRUSTED_MS) return known.list;
    const list = this.deps.store.webhooks.listEndpoints();
    const read = { readAt: performance.now(), list };
    this.endpoints = read;
    list.catch(() => {
      if (this.endpoints === read) this.endpoints = null;
    });
    return list;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private async audit(
    action: "webhook.created" | "webhook.updated",
    user: User,
    endpoint: WebhookEndpoint,
    extra: { changed?: string[] },
  ) {
    await this.deps.store.audit.append({
      actor: { type: "user", id: user.id, name: user.name },
      action,
      conversationId: null,
      details: {
        webhookId: endpoint.id,
        url: endpoint.url,
        events: endpoint.events,
        enabled: endpoint.enabled,
        ...extra,
      },
    });
  }
}
