import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Logger } from "../app/logger";

/** A connected node-redis client. */
export type RedisClient = ReturnType<typeof createClient>;

/** The Socket.IO adapter for multi-instance mode and how to let go of its Redis connection. */
export interface RedisAdapter {
  adapter: ReturnType<typeof createAdapter>;
  /** The connection, for other state instances share (rate limits). */
  client: RedisClient;
  close(): Promise<void>;
}

/**
 * Connects to Redis and builds the Streams adapter: events reach sockets on every instance, and
 * connection state recovery works whichever instance a client reconnects to (sessions live in Redis).
 */
export async function connectRedisAdapter(url: string, logger: Logger): Promise<RedisAdapter> {
  const client = createClient({ url });
  // Without a listener an error event would crash the process; the client reconnects by itself.
  client.on("error", (err: unknown) => logger.warn({ err }, "redis connection error"));
  await client.connect();
  return {
    client,
    adapter: createAdapter(client, { streamName: "handoff-desk", sessionKeyPrefix: "handoff-desk:sio:" }),
    async close() {
      // quit, not disconnect: the adapter's last messages (its heartbeat, leaving) are still in flight,
      // and a disconnect rejects them with nobody listening.
      await client.quit().catch(() => undefined);
    },
  };
}
