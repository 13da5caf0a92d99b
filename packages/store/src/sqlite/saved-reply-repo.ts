import type Database from "better-sqlite3";
import { z } from "zod";
import { SavedReply } from "@handoff/contracts";
import type { SavedReplyRepo } from "@handoff/core";
import { scopeKey } from "../shared/saved-reply-scope";
import { isUniqueViolation, parseOptional } from "./rows";

/** A saved_replies row mapped to the contract SavedReply. */
const replyFromRow = z
  .object({
    id: z.string(),
    scope: z.string(),
    owner_id: z.string().nullable(),
    shortcut: z.string(),
    title: z.string(),
    text: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    scope: row.scope,
    ownerId: row.owner_id,
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
  .pipe(SavedReply);

/** SavedReplyRepo on SQLite: the unique (scope_key, shortcut) index refuses a taken shortcut. */
export function sqliteSavedReplyRepo(db: Database.Database): SavedReplyRepo {
  const insert = db.prepare(
    `INSERT INTO saved_replies (id, scope, owner_id, scope_key, shortcut, title, text, created_at, updated_at)
     VALUES (@id, @scope, @owner_id, @scope_key, @shortcut, @title, @text, @created_at, @updated_at)
     RETURNING *`,
  );
  const byId = db.prepare("SELECT * FROM saved_replies WHERE id = ?");
  const listFor = db.prepare(
    "SELECT * FROM saved_replies WHERE scope_key IN ('team', ?) ORDER BY shortcut, scope_key",
  );
  const update = db.prepare(
    `UPDATE saved_replies SET shortcut = coalesce(@shortcut, shortcut), title = coalesce(@title, title),
       text = coalesce(@text, text), updated_at = @updated_at
     WHERE id = @id RETURNING *`,
  );
  const remove = db.prepare("DELETE FROM saved_replies WHERE id = ?");

  return {
    async create(input) {
      const reply = SavedReply.parse(input);
      try {
        return replyFromRow.parse(
          insert.get({
            id: reply.id,
            scope: reply.scope,
            owner_id: reply.ownerId,
            scope_key: scopeKey(reply),
            shortcut: reply.shortcut,
            title: reply.title,
            text: reply.text,
            created_at: reply.createdAt,
            updated_at: reply.updatedAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async get(id) {
      return parseOptional(replyFromRow, byId.get(id));
    },

    async listFor(ownerId) {
      return listFor.all(`user:${ownerId}`).map((row) => replyFromRow.parse(row));
    },

    async update(id, patch) {
      try {
        return parseOptional(
          replyFromRow,
          update.get({
            id,
            shortcut: patch.shortcut ?? null,
            title: patch.title ?? null,
            text: patch.text ?? null,
            updated_at: patch.updatedAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) return "taken";
        throw error;
      }
    },

    async delete(id) {
      return remove.run(id).changes > 0;
    },
  };
}
