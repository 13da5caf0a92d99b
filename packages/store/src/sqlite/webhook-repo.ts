import type Database from "better-sqlite3";
import { z } from "zod";
import { WebhookDelivery, WebhookEndpoint } from "@handoff/contracts";
import type { WebhookRepo } from "@handoff/core";
import { parseOptional } from "./rows";

const endpointFromRow = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.string(),
    enabled: z.number(),
    created_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events),
    enabled: row.enabled === 1,
    createdAt: row.created_at,
  }))
  .pipe(WebhookEndpoint);

const deliveryFromRow = z
  .object({
    id: z.string(),
    endpoint_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    body: z.string(),
    status: z.string(),
    attempts: z.number(),
    next_attempt_at: z.string(),
    last_status: z.number().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }))
  .pipe(WebhookDelivery);

const SecretRow = z.object({ secret: z.string() });

/** WebhookRepo on SQLite: pending deliveries are found by (status, next_attempt_ms). */
export function sqliteWebhookRepo(db: Database.Database): WebhookRepo {
  const insertEndpoint = db.prepare(
    `INSERT INTO webhook_endpoints (id, url, description, events, enabled, secret, created_at)
     VALUES (@id, @url, @description, @events, @enabled, @secret, @created_at) RETURNING *`,
  );
  const endpointById = db.prepare("SELECT * FROM webhook_endpoints WHERE id = ?");
  const endpoints = db.prepare("SELECT * FROM webhook_endpoints ORDER BY created_at, id");
  const updateEndpoint = db.prepare(
    `UPDATE webhook_endpoints SET enabled = coalesce(@enabled, enabled), events = coalesce(@events, events),
       description = coalesce(@description, description) WHERE id = @id RETURNING *`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status, attempts,
       next_attempt_at, next_attempt_ms, last_status, last_error, created_at, delivered_at)
     VALUES (@id, @endpointId, @eventId, @eventType, @body, @status, @attempts, @nextAttemptAt,
       @nextAttemptMs, @lastStatus, @lastError, @createdAt, @deliveredAt)`,
  );
  const due = db.prepare(
    `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_ms <= ?
     ORDER BY next_attempt_ms, created_at LIMIT ?`,
  );
  const record = db.prepare(
    `UPDATE webhook_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
       next_attempt_ms = @nextAttemptMs, last_status = @lastStatus, last_error = @lastError,
       delivered_at = @deliveredAt WHERE id = @id`,
  );
  const deliveries = db.prepare(
    "SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const addAll = db.transaction((rows: WebhookDelivery[]) => {
    for (const d of rows) insertDelivery.run({ ...d, nextAttemptMs: Date.parse(d.nextAttemptAt) });
  });

  return {
    async createEndpoint(endpoint, secret) {
      const e = WebhookEndpoint.parse(endpoint);
      return endpointFromRow.parse(
        insertEndpoint.get({
          id: e.id,
          url: e.url,
          description: e.description,
          events: JSON.stringify(e.events),
          enabled: e.enabled ? 1 : 0,
          secret,
          created_at: e.createdAt,
        }),
      );
    },
    async getEndpoint(id) {
      const row = endpointById.get(id);
      const endpoint = parseOptional(endpointFromRow, row);
      return endpoint ? { endpoint, secret: SecretRow.parse(row).secret } : null;
    },
    async listEndpoints() {
      return endpoints.all().map((row) => endpointFromRow.parse(row));
    },
    async updateEndpoint(id, patch) {
      return parseOptional(
        endpointFromRow,
        updateEndpoint.get({
          id,
          enabled: patch.enabled === undefined ? null : patch.enabled ? 1 : 0,
          events: patch.events === undefined ? null : JSON.stringify(patch.events),
          description: patch.description ?? null,
        }),
      );
    },
    async addDeliveries(rows) {
      addAll(rows.map((d) => WebhookDelivery.parse(d)));
    },
    async listDue(now, limit) {
      return due.all(Date.parse(now), limit).map((row) => deliveryFromRow.parse(row));
    },
    async recordAttempt(id, outcome) {
      record.run({ id, ...outcome, nextAttemptMs: Date.parse(outcome.nextAttemptAt) });
    },
    async listDeliveries(endpointId, limit) {
      return deliveries.all(endpointId, limit).map((row) => deliveryFromRow.parse(row));
    },
  };
}
