import type Database from "better-sqlite3";
import { z } from "zod";
import { AccessLink, AccessLinkKind, Timestamp } from "@handoff/contracts";
import type { AccessLinkRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import { fromJson, toJson } from "../shared/json";
import { parseOptional } from "./rows";

/** An access_links row mapped to the contract AccessLink (the token hash stays in the table). */
const linkFromRow = z
  .object({
    id: z.string(),
    kind: z.string(),
    email: z.string(),
    role: z.string(),
    name: z.string().nullable(),
    user_id: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    expires_at: z.string(),
    used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    name: row.name,
    userId: row.user_id,
    createdBy: fromJson(row.created_by),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  }))
  .pipe(AccessLink);

/** AccessLinkRepo on SQLite: using and revoking a link are single compare-and-set UPDATEs. */
export function sqliteAccessLinkRepo(db: Database.Database): AccessLinkRepo {
  const insert = db.prepare(
    `INSERT INTO access_links (id, kind, token_hash, email, role, name, user_id, created_by, created_at,
       expires_at, used_at, revoked_at)
     VALUES (@id, @kind, @token_hash, @email, @role, @name, @user_id, @created_by, @created_at,
       @expires_at, @used_at, @revoked_at)
     RETURNING *`,
  );
  const byToken = db.prepare("SELECT * FROM access_links WHERE token_hash = ?");
  const byId = db.prepare("SELECT * FROM access_links WHERE id = ?");
  // ISO timestamps in UTC compare correctly as text.
  const open = db.prepare(
    `SELECT * FROM access_links WHERE kind = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
     ORDER BY created_at DESC, rowid DESC`,
  );
  const use = db.prepare(
    `UPDATE access_links SET used_at = @at
     WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @at RETURNING *`,
  );
  const revoke = db.prepare(
    `UPDATE access_links SET revoked_at = @at
     WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL RETURNING *`,
  );
  const revokeFor = db.prepare(
    `UPDATE access_links SET revoked_at = @at
     WHERE kind = @kind AND email = @email AND used_at IS NULL AND revoked_at IS NULL`,
  );
  const at = (value: string) => new Date(Timestamp.parse(value)).toISOString();

  return {
    async create(input, tokenHash) {
      const link = AccessLink.parse(input);
      return linkFromRow.parse(
        insert.get({
          id: link.id,
          kind: link.kind,
          token_hash: z.string().min(1).parse(tokenHash),
          email: normaliseEmail(link.email),
          role: link.role,
          name: link.name,
          user_id: link.userId,
          created_by: toJson(link.createdBy),
          created_at: at(link.createdAt),
          expires_at: at(link.expiresAt),
          used_at: link.usedAt === null ? null : at(link.usedAt),
          revoked_at: link.revokedAt === null ? null : at(link.revokedAt),
        }),
      );
    },

    async findByTokenHash(tokenHash) {
      return parseOptional(linkFromRow, byToken.get(tokenHash));
    },

    async get(id) {
      return parseOptional(linkFromRow, byId.get(id));
    },

    async listOpen(kind, now) {
      return open.all(AccessLinkKind.parse(kind), at(now)).map((row) => linkFromRow.parse(row));
    },

    async use(id, when) {
      return parseOptional(linkFromRow, use.get({ id, at: at(when) }));
    },

    async revoke(id, when) {
      return parseOptional(linkFromRow, revoke.get({ id, at: at(when) }));
    },

    async revokeOpenFor(kind, email, when) {
      return revokeFor.run({ kind: AccessLinkKind.parse(kind), email: normaliseEmail(email), at: at(when) })
        .changes;
    },
  };
}
