import type Database from "better-sqlite3";

const SECURE_DELETE_MARKER = "sqlite.secure_delete";

/**
 * A file written before secure_delete was on may still hold freed bytes (old row versions, deleted
 * rows); VACUUM rebuilds it once without them. The kv marker says it is done, so later opens skip it.
 */
export function zeroBytesFreedBeforeSecureDelete(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM kv WHERE key = ?").get(SECURE_DELETE_MARKER) !== undefined) return;
  db.exec("VACUUM");
  db.prepare("INSERT OR IGNORE INTO kv (key, value) VALUES (?, 'true')").run(SECURE_DELETE_MARKER);
  // The log held the old pages too until they are copied over.
  db.pragma("wal_checkpoint(TRUNCATE)");
}
