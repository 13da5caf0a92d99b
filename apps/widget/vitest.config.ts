import { defineConfig } from "vitest/config";

// Browser tests drive a real chromium against a real server: generous timeouts.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two files at a time: a browser test mostly waits on chromium and its server, so two of them
    // share two cores well (one at a time left half of CI's time idle).
    maxWorkers: 2,
    // Files share a worker's module cache (the server and its language tables load once per worker,
    // not per file); each test starts its own server and browser page.
    isolate: false,
  },
});
