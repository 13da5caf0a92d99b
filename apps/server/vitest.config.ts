import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The WordNet table retrieval reads is derived once per machine before the tests, not inside one.
    globalSetup: ["@handoff/core/testing/warm-lexicon"],
  },
});
