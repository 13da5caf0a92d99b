import type Database from "better-sqlite3";
import { z } from "zod";
import { ApiKey } from "@handoff/contracts";
import type { ApiKeyRepo } from "@handoff/core";
import { parseOptional } from "./rows";

/** An api_keys row mapped to the contract ApiKey (the secret hash stays in the table). */
const keyFromRow = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.string(),
    created_by: z.string(),
    created_by_name: z.string(),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }))
  .pipe(ApiKey);

/** ApiKeyRepo on SQLite: the secret hash is unique, so a lookup finds one key at most. */
export function sqliteApiKeyRepo(db: Database.Database): ApiKeyRepo {
  const insert = db.prepare(
    `INSERT INTO api_keys (id, name, prefix, scopes, secret_hash, created_by, created_by_name, created_at)
     VALUES (@id, @name, @prefix, @scopes, @secret_hash, @created_by, @created_by_name, @created_at)
     RETURNING *`,
  );
  const byHash = db.prepare("SELECT * FROM api_keys WHERE secret_hash = ?");
  const byId = db.prepare("SELECT * FROM api_keys WHERE id = ?");
  const list = db.prepare("SELECT * FROM api_keys ORDER BY created_at DESC, id DESC");
  const revoke = db.prepare(
    "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @at) WHERE id = @id RETURNING *",
  );
  const touch = db.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?");

  return {
    async create(input, secretHash) {
      const key = ApiKey.parse(input);
      return keyFromRow.parse(
        insert.get({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          scopes: JSON.stringify(key.scopes),
          secret_hash: secretHash,
          created_by: key.createdBy,
          created_by_name: key.createdByName,
          created_at: key.createdAt,
        }),
      );
    },
    async findBySecretHash(secretHash) {
      return parseOptional(keyFromRow, byHash.get(secretHash));
    },
    async get(id) {
      return parseOptional(keyFromRow, byId.get(id));
    },
    async list() {
      return list.all().map((row) => keyFromRow.parse(row));
    },
    async revoke(id, at) {
      return parseOptional(keyFromRow, revoke.get({ id, at }));
    },
    async touch(id, at) {
      touch.run(at, id);
    },
  };
}
