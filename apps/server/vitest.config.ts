import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The WordNet table retrieval reads is derived once per machine before the tests, not inside one.
    globalSetup: ["@handoff/core/testing/warm-lexicon"],
    // Integration tests start real servers whose graph worker loads its language models on start;
    // 5 s left no margin on a busy CI machine. Speed is measured by the benchmark, not by timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
