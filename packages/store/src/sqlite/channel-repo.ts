import type Database from "better-sqlite3";
import { z } from "zod";
import { ApiChannel, ChannelDelivery, ChannelLink } from "@handoff/contracts";
import type { ChannelRepo } from "@handoff/core";
import { parseOptional } from "./rows";

const MAX_REFS = 20;

const channelFromRow = z
  .object({
    id: z.string(),
    name: z.string(),
    webhook_url: z.string(),
    enabled: z.number(),
    created_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    webhookUrl: row.webhook_url,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
  }))
  .pipe(ApiChannel);

const linkFromRow = z
  .object({
    conversation_id: z.string(),
    kind: z.string(),
    channel_id: z.string().nullable(),
    external_key: z.string().nullable(),
    address: z.string().nullable(),
    subject: z.string().nullable(),
    thread_refs: z.string(),
    created_at: z.string(),
  })
  .transform((row) => ({
    conversationId: row.conversation_id,
    kind: row.kind,
    channelId: row.channel_id,
    externalKey: row.external_key,
    address: row.address,
    subject: row.subject,
    threadRefs: JSON.parse(row.thread_refs),
    createdAt: row.created_at,
  }))
  .pipe(ChannelLink);

const deliveryFromRow = z
  .object({
    id: z.string(),
    conversation_id: z.string(),
    message_id: z.string(),
    message: z.string(),
    kind: z.string(),
    target: z.string(),
    status: z.string(),
    attempts: z.number(),
    next_attempt_at: z.string(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    message: JSON.parse(row.message),
    kind: row.kind,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }))
  .pipe(ChannelDelivery);

const SecretRow = z.object({ secret: z.string() });

/** ChannelRepo on SQLite: due deliveries are claimed in one transaction, so no two claims share one. */
export function sqliteChannelRepo(db: Database.Database): ChannelRepo {
  const insertChannel = db.prepare(
    `INSERT INTO api_channels (id, name, webhook_url, enabled, secret, created_at)
     VALUES (@id, @name, @webhookUrl, @enabled, @secret, @createdAt) RETURNING *`,
  );
  const channelById = db.prepare("SELECT * FROM api_channels WHERE id = ?");
  const channels = db.prepare("SELECT * FROM api_channels ORDER BY created_at, id");
  const updateChannel = db.prepare(
    `UPDATE api_channels SET enabled = coalesce(@enabled, enabled), name = coalesce(@name, name),
       webhook_url = coalesce(@webhookUrl, webhook_url) WHERE id = @id RETURNING *`,
  );
  const linkOf = db.prepare("SELECT * FROM channel_links WHERE conversation_id = ?");
  const linkByKey = db.prepare("SELECT * FROM channel_links WHERE channel_id = ? AND external_key = ?");
  const upsertLink = db.prepare(
    `INSERT INTO channel_links (conversation_id, kind, channel_id, external_key, address, subject, thread_refs, created_at)
     VALUES (@conversationId, @kind, @channelId, @externalKey, @address, @subject, @threadRefs, @createdAt)
     ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, channel_id = excluded.channel_id,
       external_key = excluded.external_key, address = excluded.address, subject = excluded.subject,
       thread_refs = excluded.thread_refs
     RETURNING *`,
  );
  const setRefs = db.prepare("UPDATE channel_links SET thread_refs = ? WHERE conversation_id = ?");
  const unqueued = db.prepare(
    `SELECT m.conversation_id, m.seq FROM messages m JOIN channel_links l ON l.conversation_id = m.conversation_id
     WHERE m.created_at >= @since AND m.created_at >= l.created_at AND m.internal = 0 AND m.author != 'customer'
       AND NOT EXISTS (SELECT 1 FROM channel_deliveries d WHERE d.message_id = m.id)
     ORDER BY m.created_at ASC LIMIT @limit`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO channel_deliveries (id, conversation_id, message_id, message, kind, target, status, attempts,
       next_attempt_at, next_attempt_ms, last_error, created_at, delivered_at)
     VALUES (@id, @conversationId, @messageId, @message, @kind, @target, @status, @attempts, @nextAttemptAt,
       @nextAttemptMs, @lastError, @createdAt, @deliveredAt)
     ON CONFLICT (message_id, kind, target) DO NOTHING`,
  );
  const due = db.prepare(
    `SELECT * FROM channel_deliveries WHERE status = 'pending' AND next_attempt_ms <= ?
     ORDER BY next_attempt_ms, created_at LIMIT ?`,
  );
  const lease = db.prepare(
    "UPDATE channel_deliveries SET next_attempt_at = ?, next_attempt_ms = ? WHERE id = ?",
  );
  const record = db.prepare(
    `UPDATE channel_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
       next_attempt_ms = @nextAttemptMs, last_error = @lastError, delivered_at = @deliveredAt WHERE id = @id`,
  );
  const byTarget = db.prepare(
    "SELECT * FROM channel_deliveries WHERE target = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const byConversation = db.prepare(
    "SELECT * FROM channel_deliveries WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );

  const forgetLinks = db.prepare(
    "DELETE FROM channel_links WHERE conversation_id IN (SELECT value FROM json_each(?))",
  );
  const forgetDeliveries = db.prepare(
    "DELETE FROM channel_deliveries WHERE conversation_id IN (SELECT value FROM json_each(?))",
  );
  const forget = db.transaction(
    (ids: string) => forgetLinks.run(ids).changes + forgetDeliveries.run(ids).changes,
  );

  const link = db.transaction((l: ChannelLink): unknown => {
    if (l.externalKey !== null) {
      const taken = linkFromRowOrNull(linkByKey.get(l.channelId, l.externalKey));
      if (taken && taken.conversationId !== l.conversationId)
        return linkByKey.get(l.channelId, l.externalKey);
    }
    const current = linkFromRowOrNull(linkOf.get(l.conversationId));
    const refs =
      current?.kind === "email" && l.kind === "email" && l.threadRefs.length === 0
        ? current.threadRefs
        : l.threadRefs;
    return upsertLink.get({ ...l, threadRefs: JSON.stringify(refs) });
  });
  const addRef = db.transaction((conversationId: string, ref: string) => {
    const current = linkFromRowOrNull(linkOf.get(conversationId));
    if (!current || current.threadRefs.includes(ref)) return;
    setRefs.run(JSON.stringify([...current.threadRefs, ref].slice(-MAX_REFS)), conversationId);
  });
  const enqueue = db.transaction((rows: ChannelDelivery[]) => {
    let added = 0;
    for (const d of rows) {
      added += insertDelivery.run({
        ...d,
        message: JSON.stringify(d.message),
        nextAttemptMs: Date.parse(d.nextAttemptAt),
      }).changes;
    }
    return added;
  });
  const claim = db.transaction((now: string, leaseUntil: string, limit: number) => {
    const rows = due.all(Date.parse(now), limit).map((row) => deliveryFromRow.parse(row));
    for (const row of rows) lease.run(leaseUntil, Date.parse(leaseUntil), row.id);
    return rows;
  });

  return {
    async createChannel(channel, secret) {
      const c = ApiChannel.parse(channel);
      return channelFromRow.parse(insertChannel.get({ ...c, enabled: c.enabled ? 1 : 0, secret }));
    },
    async getChannel(id) {
      const row = channelById.get(id);
      const channel = parseOptional(channelFromRow, row);
      return channel ? { channel, secret: SecretRow.parse(row).secret } : null;
    },
    async listChannels() {
      return channels.all().map((row) => channelFromRow.parse(row));
    },
    async updateChannel(id, patch) {
      return parseOptional(
        channelFromRow,
        updateChannel.get({
          id,
          enabled: patch.enabled === undefined ? null : patch.enabled ? 1 : 0,
          name: patch.name ?? null,
          webhookUrl: patch.webhookUrl ?? null,
        }),
      );
    },
    async link(input) {
      return linkFromRow.parse(link.immediate(ChannelLink.parse(input)));
    },
    async getLink(conversationId) {
      return linkFromRowOrNull(linkOf.get(conversationId));
    },
    async findByExternalKey(channelId, externalKey) {
      return linkFromRowOrNull(linkByKey.get(channelId, externalKey));
    },
    async addThreadRef(conversationId, ref) {
      addRef.immediate(conversationId, ref);
    },
    async listUnqueued(since, limit) {
      return unqueued
        .all({ since, limit })
        .map((row) => UnqueuedRow.parse(row))
        .map((row) => ({ conversationId: row.conversation_id, seq: row.seq }));
    },

    async enqueue(rows) {
      return enqueue.immediate(rows.map((d) => ChannelDelivery.parse(d)));
    },
    async claimDue(now, leaseUntil, limit) {
      const claimed = claim.immediate(now, leaseUntil, limit);
      return claimed.map((d) => ({ ...d, nextAttemptAt: leaseUntil }));
    },
    async recordAttempt(id, outcome) {
      record.run({ id, ...outcome, nextAttemptMs: Date.parse(outcome.nextAttemptAt) });
    },
    async forget(conversationIds) {
      return forget.immediate(JSON.stringify(conversationIds));
    },
    async listDeliveries(filter, limit) {
      const rows =
        "target" in filter
          ? byTarget.all(filter.target, limit)
          : byConversation.all(filter.conversationId, limit);
      return rows.map((row) => deliveryFromRow.parse(row));
    },
  };
}

const UnqueuedRow = z.object({ conversation_id: z.string(), seq: z.number() });

function linkFromRowOrNull(row: unknown): ChannelLink | null {
  return parseOptional(linkFromRow, row);
}
