import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { z } from "zod";
import { AuditEvent } from "@handoff/contracts";
import type { AuditRepo, Clock } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { searchWords } from "../shared/search-words";
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

const WORD_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** What a word search looks in, as the MongoDB adapter's auditSearchText builds it (actor type and name, not its id). */
const SEARCH_TEXT = `json_extract(actor, '$.type') || ' ' || COALESCE(json_extract(actor, '$.name'), '') || ' ' || action || ' ' || COALESCE(conversation_id, '') || ' ' || details`;

/** A LIKE pattern that finds the word anywhere, its own % and _ taken literally. */
const likePattern = (word: string | undefined): string | null =>
  word === undefined ? null : `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** AuditRepo on SQLite: append-only, read newest first. */
export function sqliteAuditRepo(db: Database.Database, clock: Clock): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit_events (id, at, actor, action, conversation_id, details)
     VALUES (@id, @at, @actor, @action, @conversation_id, @details)`,
  );
  // rowid breaks ties within one millisecond so "newest first" holds for bursts of events too.
  // Up to 10 search words, each a bound LIKE pattern (an unused one is NULL and matches everything).
  const listWhere = (conversationClause: string) =>
    db.prepare(
      `SELECT * FROM audit_events
     WHERE ${conversationClause}
       AND (@action IS NULL OR action = @action)
       AND (@from IS NULL OR at >= @from)
       AND (@to IS NULL OR at <= @to)
       ${WORD_SLOTS.map((i) => `AND (@w${i} IS NULL OR lower(${SEARCH_TEXT}) LIKE @w${i} ESCAPE '\\')`).join(
         "\n       ",
       )}
     ORDER BY at DESC, rowid DESC LIMIT @limit`,
    );
  // One conversation's events are read through its index. "(@id IS NULL OR conversation_id = @id)"
  // in one statement made SQLite walk the whole table newest-first instead, on every agent reply.
  const list = listWhere("@conversation_id IS NULL");
  const listConversation = listWhere("conversation_id = @conversation_id");

  return {
    async append(event) {
      // Validate before writing so a bad event is refused rather than poisoning every later list().
      const checked = AuditEvent.parse({ ...event, id: randomUUID(), at: clock.now().toISOString() });
      insert.run({
        id: checked.id,
        at: checked.at,
        actor: toJson(checked.actor),
        action: checked.action,
        conversation_id: checked.conversationId,
        details: toJson(checked.details),
      });
      // The event as validated: reading the row back would parse the same values a second time (the
      // route node appends one per customer message). Only keys holding undefined differ, which JSON drops.
      return checked;
    },

    async list({ conversationId, action, text, from, to, limit }) {
      const words = searchWords(text);
      const rows = (conversationId === undefined ? list : listConversation).all({
        conversation_id: conversationId ?? null,
        action: action ?? null,
        from: from ? new Date(from).toISOString() : null,
        to: to ? new Date(to).toISOString() : null,
        limit: limitParam(limit),
        ...Object.fromEntries(WORD_SLOTS.map((i) => [`w${i}`, likePattern(words[i])])),
      });
      return rows.map((row) => auditFromRow.parse(row));
    },
  };
}
