import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createClient } from "redis";
import type { PlatformOverrides } from "../app/create-platform";
import { startRedis, type RedisProcess } from "./redis-server";
import { startTestServer, type TestServer } from "./test-server";

// Not exported from the testing index: it registers vitest hooks (see fake-model.ts).

/**
 * In-process test servers for one test file, disposed after each test. A pair is two instances on
 * one store (the first one's SQLite file, or whatever `overrides` opens each call) and one Redis.
 */
export function useTestServers() {
  const servers: TestServer[] = [];
  afterEach(async () => {
    // Later servers of a pair share the first one's data dir: stop them before it is removed.
    for (const s of servers.splice(0).reverse()) await s.dispose();
  });
  const start = async (opts: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(opts);
    servers.push(server);
    return server;
  };
  return {
    start,
    /** Stops a server the way a deploy does and starts the next one on its data dir. */
    async restart(server: TestServer, opts: Parameters<typeof startTestServer>[0] = {}) {
      servers.splice(servers.indexOf(server), 1);
      await server.stopKeepingData();
      return start({ ...opts, dataDir: server.dataDir });
    },
    async startPair(
      redisUrl: string,
      env: Record<string, string> = {},
      overrides: () => Promise<PlatformOverrides> = async () => ({}),
    ) {
      const shared = { REDIS_URL: redisUrl, LEASE_TTL_MS: "1500", ...env };
      const a = await start({ env: shared, overrides: await overrides() });
      const b = await start({ env: shared, overrides: await overrides(), dataDir: a.dataDir });
      return { a, b };
    },
  };
}

/** A redis-server for one test file; emptied before each test, so counts (rate limits) start at zero. */
export function useRedis(): { url(): string } {
  let redis: RedisProcess | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(async () => {
    if (!redis) return;
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await client.quit();
  });
  return {
    url() {
      if (!redis) throw new Error("redis-server has not started");
      return redis.url;
    },
  };
}
