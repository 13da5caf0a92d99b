// Preloaded into the server process by the bench (`--import`, after tsx). Loads the probes in the
// main thread only: NODE_OPTIONS preloads run in the server's graph worker thread too, where tsx's
// loader is not registered in time for a TypeScript file (and a probe has nothing to do there).
import process from "node:process";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  await import("./metrics-probe.ts");
  if (process.env.BENCH_CPU_PROFILE_DIR) await import("./cpu-profile-probe.ts");
}
