import type Database from "better-sqlite3";
import type { Clock, LeaseRepo } from "@handoff/core";

/** LeaseRepo on SQLite: one upsert that only overwrites a lease that is ours or has expired. */
export function sqliteLeaseRepo(db: Database.Database, clock: Clock): LeaseRepo {
  const acquire = db.prepare(
    `INSERT INTO leases (key, owner, expires_at) VALUES (@key, @owner, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= @now`,
  );
  const release = db.prepare("DELETE FROM leases WHERE key = ? AND owner = ?");
  const renew = db.prepare("UPDATE leases SET expires_at = ? WHERE key = ? AND owner = ?");
  const holds = db.prepare("SELECT 1 FROM leases WHERE key = ? AND owner = ?");

  return {
    async acquire(key, owner, ttlMs) {
      const now = clock.now().getTime();
      return acquire.run({ key, owner, now, expiresAt: now + ttlMs }).changes === 1;
    },

    async release(key, owner) {
      release.run(key, owner);
    },

    async renew(key, owner, ttlMs) {
      return renew.run(clock.now().getTime() + ttlMs, key, owner).changes === 1;
    },

    async holds(key, owner) {
      return holds.get(key, owner) !== undefined;
    },
  };
}
