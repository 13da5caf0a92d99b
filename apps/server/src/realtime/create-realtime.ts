import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Platform } from "../app/create-platform";
import { wireAssignment } from "../assignment/wire-assignment";
import { AgentAvailability } from "./agent-availability";
import { registerConsoleNamespace } from "./console-handlers";
import { consoleNamespace, widgetNamespace } from "./namespaces";
import { isAllowedOrigin } from "../app/origins";
import { originCheck } from "./origin-check";
import { syncPeers } from "./peer-sync";
import { QueuePositions } from "./queue-positions";
import type { RedisAdapter } from "./redis-adapter";
import { SocketNotifier } from "./socket-notifier";
import { registerWidgetNamespace } from "./widget-handlers";

/** Socket payloads above this are refused by the transport before any handler runs. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/** The Socket.IO server and what closing it must also close. */
export interface Realtime {
  io: Server;
  /** Disconnects this instance's clients (not other instances'), keeping the Redis adapter up. */
  disconnectClients(): void;
  close(): Promise<void>;
}

/**
 * Attaches Socket.IO (namespaces /widget and /console) to the HTTP server and wires notifications.
 * With Redis (REDIS_URL), events cross instances and instances tell each other when settings or the
 * knowledge index change; closing the realtime layer closes that connection.
 */
export function createRealtime(
  httpServer: HttpServer,
  platform: Platform,
  redis: RedisAdapter | null,
): Realtime {
  const allowed = platform.config.ALLOWED_ORIGINS;
  const io = new Server(httpServer, {
    ...(redis ? { adapter: redis.adapter } : {}),
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // The same comparison as the handshake check: the configured origins are normalised once.
    cors: allowed.length
      ? {
          origin: (origin, done) => done(null, origin !== undefined && isAllowedOrigin(allowed, origin)),
          credentials: true,
        }
      : { origin: true },
    allowRequest: originCheck(allowed),
    // No connection state recovery: it keeps every broadcast packet, payload and all, for its window
    // plus up to a minute (the adapter trims once a minute). At 100 messages a second those packets
    // outlive young-generation collections, so this thread ran twice the full collections, and those
    // pauses were the event loop's longest stalls (three paired load runs: bot reply p99 19.5-24.5
    // -> 13.9-16.6 ms, review visible 20.7-31.1 -> 16.6-18.1 ms; bench README). The widget and
    // console resync on every connect (messages since their last seq, the inbox, offers, the queue
    // place), which DESIGN.md makes the guarantee; a replay only saved that round trip.
  });
  // Clients talk on /widget and /console only; the root namespace carries messages between instances.
  io.of("/").use((_socket, next) => next(new Error("unauthorized: connect to /widget or /console")));
  const widget = widgetNamespace(io);
  const consoleNs = consoleNamespace(io);
  registerWidgetNamespace(widget, platform, redis?.client);
  registerConsoleNamespace(consoleNs, platform);
  const sockets = new SocketNotifier(widget, consoleNs);
  platform.notifier.attach((event) => sockets.publish(event));
  const queue = new QueuePositions(
    platform.store,
    widget,
    (err) => platform.logger.error({ err }, "queue update failed"),
    { onlyChanges: !platform.multiInstance },
  );
  platform.notifier.attach(queue.listener);
  const availability = new AgentAvailability(
    consoleNs,
    (data) => platform.notifier.publish({ type: "handoff.unavailable", data }),
    (err) => platform.logger.error({ err }, "agent availability check failed"),
    async (category) => (await platform.teams.hoursFor(category)).status,
  );
  platform.notifier.attach((event) => {
    if (event.type === "review.opened") {
      const review = event.data.review;
      availability.check(review);
      platform.afterHours
        .pauseOpened(review)
        .catch((err: unknown) =>
          platform.logger.error({ err, reviewId: review.id }, "business hours check failed"),
        );
    }
  });
  widget.on("connection", (socket) => {
    // A customer who comes back while waiting learns their place, and whether anyone is there at all.
    // Any other conversation has no place to learn (a handoff opened later is announced to its room).
    if (!socket.data.waitingForPerson) return;
    queue.sendTo(socket.data.conversationId).then(
      (handoff) => {
        if (handoff) availability.check(handoff);
      },
      (err: unknown) => platform.logger.error({ err }, "queue update failed"),
    );
  });
  syncPeers(io, platform);
  const stopAssignment = wireAssignment(platform, consoleNs);
  return {
    io,
    disconnectClients() {
      // `local`: with the Redis adapter a plain disconnectSockets() would reach every instance.
      for (const namespace of [io.of("/"), widget, consoleNs]) namespace.local.disconnectSockets(true);
      // Engine.IO connections that never joined a namespace, and pending long-polling requests.
      io.engine.close();
    },
    async close() {
      stopAssignment();
      await io.close();
      await redis?.close();
    },
  };
}
