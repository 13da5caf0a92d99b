import type Database from "better-sqlite3";
import { z } from "zod";
import { Id, Timestamp } from "@handoff/contracts";
import type { SessionRepo } from "@handoff/core";
import { parseOptional } from "./rows";

const sessionFromRow = z
  .object({ user_id: z.string(), expires_at: z.string() })
  .transform((row) => ({ userId: row.user_id, expiresAt: row.expires_at }))
  .pipe(z.object({ userId: Id, expiresAt: Timestamp }));

/** SessionRepo on SQLite; expiry is stored, and judged by the caller who knows the time. */
export function sqliteSessionRepo(db: Database.Database): SessionRepo {
  const insert = db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)");
  const find = db.prepare("SELECT user_id, expires_at FROM sessions WHERE token_hash = ?");
  const remove = db.prepare("DELETE FROM sessions WHERE token_hash = ?");
  // Without an exception the parameter is NULL, and `token_hash IS NOT NULL` holds for every row.
  const removeForUser = db.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?");

  return {
    async create({ tokenHash, userId, expiresAt }) {
      insert.run(tokenHash, userId, Timestamp.parse(expiresAt));
    },

    async find(tokenHash) {
      return parseOptional(sessionFromRow, find.get(tokenHash));
    },

    async delete(tokenHash) {
      remove.run(tokenHash);
    },

    async deleteForUser(userId, exceptTokenHash) {
      return removeForUser.run(userId, exceptTokenHash ?? null).changes;
    },
  };
}
