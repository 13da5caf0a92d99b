import type { MongoStore, MongoStoreOptions } from "./mongo/mongo-store";

export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store";
export { createWriteGateBuffer, releaseWriteGateHeldBy } from "./sqlite/write-gate";
export type { MongoStore, MongoStoreOptions } from "./mongo/mongo-store";

/** Opens the MongoDB store. mongoose is loaded here, on first use: SQLite deployments never pay for it. */
export async function openMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const { openMongoStore: open } = await import("./mongo/mongo-store");
  return open(options);
}
