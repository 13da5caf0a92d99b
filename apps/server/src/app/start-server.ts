import { createServer, type Server as HttpServer } from "node:http";
import type { Server as IoServer } from "socket.io";
import { createHttpApp } from "../http/create-http-app";
import { createRealtime } from "../realtime/create-realtime";
import { connectRedisAdapter } from "../realtime/redis-adapter";
import type { Config } from "./config";
import { createPlatform, type Platform, type PlatformOverrides } from "./create-platform";
import { startDeadlineScheduler } from "./deadline-scheduler";

/** A running server: its platform, address, and a graceful stop. */
export interface RunningServer {
  platform: Platform;
  http: HttpServer;
  io: IoServer;
  url: string;
  stop(): Promise<void>;
}

/** Builds the platform, resumes decisions interrupted by a crash, and listens on config.PORT. */
export async function startServer(config: Config, overrides: PlatformOverrides = {}): Promise<RunningServer> {
  const platform = await createPlatform(config, overrides);
  // One Redis connection for what instances share: socket events, and the per-address budgets.
  const redis = config.REDIS_URL ? await connectRedisAdapter(config.REDIS_URL, platform.logger) : null;
  const http = createServer(createHttpApp(platform, redis?.client));
  const realtime = createRealtime(http, platform, redis);
  const io = realtime.io;
  const resumed = await platform.conversations.recover();
  if (resumed) platform.logger.info({ resumed }, "applied decisions that a previous process had recorded");
  const deadlines = startDeadlineScheduler(platform, config.DEADLINE_CHECK_SECONDS * 1000);
  await deadlines.tick();
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  return {
    platform,
    http,
    io,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      deadlines.stop();
      await realtime.close();
      await platform.close();
    },
  };
}
