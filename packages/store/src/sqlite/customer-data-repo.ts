import { setTimeout as sleep } from "node:timers/promises";
import type Database from "better-sqlite3";
import { z } from "zod";
import type { CustomerDataRepo } from "@handoff/core";
import { toJson } from "../shared/json";
import { auditFromRow } from "./audit-repo";
import { sqliteCitations } from "./citation-scrub";
import { conversationFromRow } from "./conversation-repo";
import { correctionFromRow } from "./correction-repo";

// Every statement takes the ids as one JSON array (json_each), so it stays static whatever their number.
const IDS = "(SELECT value FROM json_each(@ids))";
// A graph thread belongs to a conversation when its id is the conversation id or starts with "<id>:".
const THREAD_OF = `(thread_id IN ${IDS} OR EXISTS (
  SELECT 1 FROM json_each(@ids) AS c WHERE substr(thread_id, 1, length(c.value) + 1) = c.value || ':'))`;

/** A checkpoint waits this long for readers to move on, this many times, before an erasure gives up. */
const TRUNCATE_WAIT_MS = 200;
const TRUNCATE_ATTEMPTS = 25;

const CheckpointResult = z.object({ busy: z.number() });

/**
 * CustomerDataRepo on SQLite: one transaction erases everything, checkpoints included (same file).
 * The connection runs with secure_delete (see openSqliteStore), so what is deleted is zeroed in the
 * file; purgeFreedBytes then moves the write-ahead log into the file and truncates it.
 */
export function sqliteCustomerDataRepo(db: Database.Database): CustomerDataRepo {
  // Customers are stored as JSON; a privacy request is rare, so a scan is fine here.
  const byCustomer = db.prepare(
    `SELECT * FROM conversations
     WHERE (@email IS NOT NULL AND lower(json_extract(customer, '$.email')) = @email)
        OR (@external_id IS NOT NULL AND json_extract(customer, '$.externalId') = @external_id)
     ORDER BY created_at, rowid`,
  );
  const corrections = db.prepare(
    `SELECT * FROM corrections WHERE conversation_id IN ${IDS} ORDER BY created_ms, rowid`,
  );
  const audit = db.prepare(`SELECT * FROM audit_events WHERE conversation_id IN ${IDS}`);
  const setDetails = db.prepare("UPDATE audit_events SET details = @details WHERE id = @id");
  const remove = (table: string, column: string) =>
    db.prepare(`DELETE FROM ${table} WHERE ${column} IN ${IDS}`);
  const deletes = {
    messages: remove("messages", "conversation_id"),
    reviews: remove("reviews", "conversation_id"),
    corrections: remove("corrections", "conversation_id"),
    conversations: remove("conversations", "id"),
    // The checkpointer's own tables (created by the saver before this repo is built).
    writes: db.prepare(`DELETE FROM writes WHERE ${THREAD_OF}`),
    checkpoints: db.prepare(`DELETE FROM checkpoints WHERE ${THREAD_OF}`),
  };

  const erase = db.transaction((ids: string, redact: Parameters<CustomerDataRepo["erase"]>[1]) => {
    let auditRedacted = 0;
    for (const row of audit.all({ ids })) {
      const event = auditFromRow.parse(row);
      setDetails.run({ id: event.id, details: toJson(redact(event)) });
      auditRedacted++;
    }
    const messages = deletes.messages.run({ ids }).changes;
    const reviews = deletes.reviews.run({ ids }).changes;
    const removedCorrections = deletes.corrections.run({ ids }).changes;
    deletes.writes.run({ ids });
    const checkpoints = deletes.checkpoints.run({ ids }).changes;
    const conversations = deletes.conversations.run({ ids }).changes;
    return {
      conversations,
      messages,
      reviews,
      corrections: removedCorrections,
      checkpoints,
      auditRedacted,
    };
  });

  return {
    async findConversations({ email, externalId }) {
      if (email === undefined && externalId === undefined) return [];
      const rows = byCustomer.all({
        email: email === undefined ? null : email.trim().toLowerCase(),
        external_id: externalId ?? null,
      });
      return rows.map((row) => conversationFromRow.parse(row));
    },

    async listCorrections(conversationIds) {
      return corrections.all({ ids: toJson(conversationIds) }).map((row) => correctionFromRow.parse(row));
    },

    async erase(conversationIds, redact) {
      return erase.immediate(toJson(conversationIds), redact);
    },

    ...sqliteCitations(db),

    async purgeFreedBytes() {
      // The log still holds the pages as they were before the erasure; TRUNCATE copies the current
      // (zeroed) pages into the file and empties the log, once no reader is on an older snapshot.
      for (let attempt = 1; ; attempt++) {
        if (checkpointNow(db)) return;
        if (attempt === TRUNCATE_ATTEMPTS)
          throw new Error("the write-ahead log could not be truncated: a reader kept an old snapshot open");
        await sleep(TRUNCATE_WAIT_MS);
      }
    },
  };
}

/** One TRUNCATE checkpoint that fails at once rather than block the event loop in the busy handler. */
function checkpointNow(db: Database.Database): boolean {
  const [timeout] = z.array(z.object({ timeout: z.number() })).parse(db.pragma("busy_timeout"));
  db.pragma("busy_timeout = 0");
  try {
    const [result] = z.array(CheckpointResult).parse(db.pragma("wal_checkpoint(TRUNCATE)"));
    return result === undefined || result.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${timeout?.timeout ?? 0}`);
  }
}
