import { defineConfig } from "vitest/config";

// Browser tests drive a real chromium against a real server: generous timeouts, one file at a time.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
