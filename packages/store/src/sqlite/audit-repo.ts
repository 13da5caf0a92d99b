import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { z } from "zod";
import { AuditEvent } from "@handoff/contracts";
import type { AuditRepo, Clock } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { limitParam } from "./rows";

/** An audit_events row mapped to the contract AuditEvent. */
export const auditFromRow = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    conversation_id: z.string().nullable(),
    details: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    at: row.at,
    actor: fromJson(row.actor),
    action: row.action,
    conversationId: row.conversation_id,
    details: fromJson(row.details),
  }))
  .pipe(AuditEvent);

/** AuditRepo on SQLite: append-only, read newest first. */
export function sqliteAuditRepo(db: Database.Database, clock: Clock): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit_events (id, at, actor, action, conversation_id, details)
     VALUES (@id, @at, @actor, @action, @conversation_id, @details) RETURNING *`,
  );
  // rowid breaks ties within one millisecond so "newest first" holds for bursts of events too.
  const list = db.prepare(
    `SELECT * FROM audit_events
     WHERE (@conversation_id IS NULL OR conversation_id = @conversation_id)
       AND (@action IS NULL OR action = @action)
     ORDER BY at DESC, rowid DESC LIMIT @limit`,
  );

  return {
    async append(event) {
      // Validate before writing so a bad event is refused rather than poisoning every later list().
      const checked = AuditEvent.parse({ ...event, id: randomUUID(), at: clock.now().toISOString() });
      const row = insert.get({
        id: checked.id,
        at: checked.at,
        actor: toJson(checked.actor),
        action: checked.action,
        conversation_id: checked.conversationId,
        details: toJson(checked.details),
      });
      // Returned as read back, so the caller sees details exactly as JSON stored them.
      return auditFromRow.parse(row);
    },

    async list({ conversationId, action, limit }) {
      const rows = list.all({
        conversation_id: conversationId ?? null,
        action: action ?? null,
        limit: limitParam(limit),
      });
      return rows.map((row) => auditFromRow.parse(row));
    },
  };
}
