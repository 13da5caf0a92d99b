import { createServer, type Server as HttpServer } from "node:http";
import type { Server as IoServer } from "socket.io";
import { createHttpApp } from "../http/create-http-app";
import { createRealtime } from "../realtime/create-realtime";
import type { Config } from "./config";
import { createPlatform, type Platform, type PlatformOverrides } from "./create-platform";
import { webhooksFor } from "../webhooks/webhook-runtime";
import { channelsFor } from "../channels/channel-runtime";
import { startDeadlineScheduler } from "./deadline-scheduler";
import { settlesWithin, stopListening } from "./drain";

/** A running server: its platform, address, and a graceful stop. */
export interface RunningServer {
  platform: Platform;
  http: HttpServer;
  io: IoServer;
  url: string;
  /**
   * Settles once the work a previous process left unfinished (answers, decisions) has been picked up
   * and the first deadline check has run. The server listens before that: a backlog a crash left must
   * not keep it from starting, and every piece of work goes through its conversation's queue, so new
   * messages and recovered ones keep their order.
   */
  startup: Promise<void>;
  /**
   * Stops gracefully: takes no new connections, lets requests in flight finish, disconnects sockets
   * (clients reconnect to another instance, or here after a restart, and resync), waits for graph runs
   * in flight, then closes the store. False when `timeoutMs` passed first: the store is left open for
   * the caller to exit, and the next start picks up what was left, as after a crash.
   */
  stop(options?: StopOptions): Promise<boolean>;
}

/** How long a graceful stop may wait for work in flight (no limit by default). */
export interface StopOptions {
  timeoutMs?: number;
}

/** Builds the platform, listens on config.PORT, and picks up what a crash left unfinished. */
export async function startServer(config: Config, overrides: PlatformOverrides = {}): Promise<RunningServer> {
  const platform = await createPlatform(config, overrides);
  // One Redis connection for what instances share: socket events, and the per-address budgets.
  // Loaded only when configured: a single instance never loads the redis client.
  const redis = config.REDIS_URL
    ? await (await import("../realtime/redis-adapter")).connectRedisAdapter(config.REDIS_URL, platform.logger)
    : null;
  const http = createServer(createHttpApp(platform, redis?.client));
  const realtime = createRealtime(http, platform, redis);
  const io = realtime.io;
  const deadlines = startDeadlineScheduler(
    platform,
    config.DEADLINE_CHECK_SECONDS * 1000,
    Math.max(config.LEASE_TTL_MS, config.DEADLINE_CHECK_SECONDS * 1000),
  );
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const startup = recoverAtStart(platform).then(() => deadlines.tick());
  // Deliveries a previous run left pending go out now, then on the webhook timer.
  const webhooks = webhooksFor(platform);
  void webhooks.tick();
  // Replies to email and API-channel customers a previous run left pending go out now, then on a timer.
  const channels = channelsFor(platform);
  void channels.tick();
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  return {
    platform,
    http,
    io,
    url: `http://127.0.0.1:${port}`,
    startup,
    async stop({ timeoutMs = Infinity }: StopOptions = {}) {
      const deadline = Date.now() + timeoutMs;
      const left = () => deadline - Date.now();
      deadlines.stop();
      webhooks.stop();
      channels.stop();
      const connectionsEnded = stopListening(http);
      // Redis stays up meanwhile: runs finishing below still reach sockets on other instances.
      realtime.disconnectClients();
      const drained =
        (await settlesWithin(connectionsEnded, left())) &&
        (await settlesWithin(Promise.all([startup, platform.conversations.idle()]), left()));
      if (!drained) http.closeAllConnections();
      await settlesWithin(realtime.close(), left());
      // Past the deadline the store stays open: runs still use it, and the process exits anyway.
      return drained && (await settlesWithin(platform.close(), left()));
    },
  };
}

/**
 * Recovery logs and hands over what it cannot finish; even a failure to read its due work must not
 * stop the server (the deadline tick's sweep tries again).
 */
async function recoverAtStart(platform: Platform): Promise<void> {
  try {
    const resumed = await platform.conversations.recover();
    if (resumed) platform.logger.info({ resumed }, "finished work that a previous process had left");
  } catch (err) {
    platform.logger.error({ err }, "recovery at start-up failed");
  }
}
