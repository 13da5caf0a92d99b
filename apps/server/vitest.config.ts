import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The WordNet table retrieval reads is derived once per machine before the tests, not inside one.
    // Tests that start the server as an OS process run one bundle built once for the run.
    globalSetup: ["@handoff/core/testing/warm-lexicon", "./src/testing/server-bundle-setup.ts"],
    // Integration tests start real servers whose graph worker loads its language models on start;
    // 5 s left no margin on a busy CI machine. Speed is measured by the benchmark, not by timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default on two cores is one file at a time; most integration tests wait on child
    // processes, sockets and timers, so two files at a time finish CI in far less wall time.
    maxWorkers: 2,
    // Files share a worker's module cache instead of re-importing core, the graph and the stores for
    // each of ~75 files (import time was ~40% of the suite). Every test builds its own app, store and
    // server, so nothing but immutable modules is shared.
    isolate: false,
  },
});
