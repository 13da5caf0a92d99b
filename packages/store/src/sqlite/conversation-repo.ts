import type Database from "better-sqlite3";
import { z } from "zod";
import { Conversation, ConversationStatus, CustomerLanguage, CustomerProfile } from "@handoff/contracts";
import type { Clock, ConversationPatch, ConversationRepo } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { isUniqueViolation, parseOptional, toFlag, type RowParser } from "./rows";
import { rowMemo } from "./row-memo";

/** A conversations row as SQLite returns it, mapped and then checked against the contract. */
export const conversationFromRow = z
  .object({
    id: z.string(),
    status: z.string(),
    customer: z.string(),
    assignee_id: z.string().nullable(),
    assignee_name: z.string().nullable(),
    category: z.string().nullable(),
    last_seq: z.number(),
    last_message_preview: z.string().nullable(),
    language: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    status: row.status,
    customer: fromJson(row.customer),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    category: row.category,
    lastSeq: row.last_seq,
    lastMessagePreview: row.last_message_preview,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
  .pipe(Conversation);

/**
 * ConversationRepo on SQLite. `rowParser` is shared with the message repo, whose appends return the
 * conversation row they bumped: a read of that row right after finds it parsed (see row-memo).
 */
export function sqliteConversationRepo(
  db: Database.Database,
  clock: Clock,
  rowParser: RowParser<Conversation> = rowMemo(conversationFromRow),
): ConversationRepo {
  const insert = db.prepare(
    `INSERT INTO conversations (id, status, customer, last_seq, created_at, updated_at)
     VALUES (@id, 'bot', @customer, 0, @now, @now) RETURNING *`,
  );
  const byId = db.prepare("SELECT * FROM conversations WHERE id = ?");
  // Optional patch fields use a set_* flag so that "absent" (keep) and null (clear) stay distinct.
  const transition = db.prepare(
    `UPDATE conversations SET
       status = @status,
       assignee_id = CASE WHEN @set_assignee_id THEN @assignee_id ELSE assignee_id END,
       assignee_name = CASE WHEN @set_assignee_name THEN @assignee_name ELSE assignee_name END,
       category = CASE WHEN @set_category THEN @category ELSE category END,
       updated_at = @now
     WHERE id = @id AND status IN (SELECT value FROM json_each(@from))
     RETURNING *`,
  );
  const updateCustomer = db.prepare(
    "UPDATE conversations SET customer = @customer, updated_at = @now WHERE id = @id RETURNING *",
  );
  const setLanguage = db.prepare("UPDATE conversations SET language = @language WHERE id = @id");
  // json_each keeps the statement static whatever the filter; NULL means "any status".
  const list = db.prepare(
    `SELECT * FROM conversations
     WHERE @statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses))
     ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
  );

  return {
    async create({ id, customer }) {
      const now = clock.now().toISOString();
      try {
        return rowParser.parse(insert.get({ id, customer: toJson(CustomerProfile.parse(customer)), now }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new Error(`conversation ${id} already exists`, { cause: error });
        throw error;
      }
    },

    async get(id) {
      return parseOptional(rowParser, byId.get(id));
    },

    async transition(id, from, patch) {
      return parseOptional(
        rowParser,
        transition.get({
          id,
          from: toJson(from.map((s) => ConversationStatus.parse(s))),
          now: clock.now().toISOString(),
          ...patchParams(patch),
        }),
      );
    },

    async updateCustomer(id, customer) {
      return parseOptional(
        rowParser,
        updateCustomer.get({
          id,
          customer: toJson(CustomerProfile.parse(customer)),
          now: clock.now().toISOString(),
        }),
      );
    },

    async setLanguage(id, language) {
      return setLanguage.run({ id, language: CustomerLanguage.parse(language) }).changes > 0;
    },

    async list({ statuses, limit }) {
      const rows = list.all({ statuses: statuses === undefined ? null : toJson(statuses), limit });
      return rows.map((row) => rowParser.parse(row));
    },
  };
}

/** Named parameters for the transition statement . */
function patchParams(patch: ConversationPatch) {
  return {
    status: ConversationStatus.parse(patch.status),
    set_assignee_id: toFlag(patch.assigneeId !== undefined),
    assignee_id: patch.assigneeId ?? null,
    set_assignee_name: toFlag(patch.assigneeName !== undefined),
    assignee_name: patch.assigneeName ?? null,
    set_category: toFlag(patch.category !== undefined),
    category: patch.category ?? null,
  };
}
