import { defineConfig } from "vitest/config";

// Browser tests drive the built app (`pretest` builds it) in chromium against a real server.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
