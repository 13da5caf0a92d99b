import { openMongoStore, openSqliteStore } from "@handoff/store";
import { databaseFile, type Config } from "./config";

/** The settings that pick and open the store. */
export type StorageConfig = Pick<Config, "MONGODB_URI" | "DATABASE_FILE" | "DATA_DIR" | "SQLITE_SYNCHRONOUS">;

/**
 * MongoDB when MONGODB_URI is set (production), the embedded SQLite file otherwise. `writeGate` is the
 * SQLite write gate this process's threads share (see createWriteGateBuffer).
 */
export function openStorage(config: StorageConfig, writeGate?: SharedArrayBuffer) {
  return config.MONGODB_URI
    ? openMongoStore({ uri: config.MONGODB_URI })
    : openSqliteStore({
        file: databaseFile(config),
        synchronous: config.SQLITE_SYNCHRONOUS,
        ...(writeGate ? { writeGate } : {}),
      });
}
