import { availableParallelism } from "node:os";
import { z } from "zod";
import { ConfigSchema, databaseFile, type Config } from "../app/config";

/** The part of the configuration the graph worker builds its own store, model and graph from. */
export const WorkerConfig = ConfigSchema.pick({
  DATA_DIR: true,
  DATABASE_FILE: true,
  SQLITE_SYNCHRONOUS: true,
  MONGODB_URI: true,
  OPENAI_API_KEY: true,
  OPENAI_BASE_URL: true,
  OPENAI_MODEL: true,
  MODEL_TIMEOUT_MS: true,
  BOT_NAME: true,
}).extend({
  /** The SQLite write gate the main thread's store holds too (shared memory, not copied). */
  writeGate: z.instanceof(SharedArrayBuffer).optional(),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/** The worker's configuration, with the database file resolved here (the worker has no INIT_CWD of its own). */
export function workerConfig(config: Config, writeGate?: SharedArrayBuffer): WorkerConfig {
  return WorkerConfig.parse({
    ...config,
    DATABASE_FILE: config.MONGODB_URI ? config.DATABASE_FILE : databaseFile(config),
    writeGate,
  });
}

/**
 * Whether the graph runs in a worker thread. A worker builds its own store connection and model, so it
 * cannot use ones a test injected, nor a database that lives only in this thread's memory.
 */
export function useGraphWorker(config: Config, injected: boolean): boolean {
  if (config.GRAPH_WORKER === "off") return false;
  const inMemory = !config.MONGODB_URI && config.DATABASE_FILE === ":memory:";
  if (injected || inMemory) {
    if (config.GRAPH_WORKER === "on")
      throw new Error(
        "GRAPH_WORKER=on needs a database file or MONGODB_URI, and no injected model, clock or store",
      );
    return false;
  }
  return config.GRAPH_WORKER === "on" || availableParallelism() >= 2;
}

/** How many graph worker threads the pool may start: GRAPH_WORKERS, or one per core. */
export function graphWorkerCount(config: Pick<Config, "GRAPH_WORKERS">): number {
  return config.GRAPH_WORKERS ?? availableParallelism();
}
