// Preloaded into the server process by the bench (`--import`). Loads the probes in the main thread
// only: NODE_OPTIONS preloads run in the server's graph worker threads too, where a probe has nothing
// to do.
import process from "node:process";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  await import("./metrics-probe.mjs");
  if (process.env.BENCH_CPU_PROFILE_DIR) await import("./cpu-profile-probe.mjs");
}
