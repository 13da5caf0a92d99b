import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The WordNet table retrieval reads is derived once per machine before the tests, not inside one.
    globalSetup: ["@handoff/core/testing/warm-lexicon"],
    // Files share a worker's module cache: re-importing the lexicon, language tables and graph for
    // each of ~70 files took more time than the tests. Tests build their own state; modules are shared.
    isolate: false,
  },
});
