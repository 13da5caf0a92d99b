import { io, type Socket } from "socket.io-client";
import type { ClientEmitsOf, ConsoleRequests, ConsoleServerEvents } from "@handoff/contracts";

/**
 * The agent's connection to the /console namespace: pushes typed by the contracts' push table;
 * requests go through `request` (console-request.ts), typed and checked by the request table.
 */
export type ConsoleSocket = Socket<ConsoleServerEvents, ClientEmitsOf<ConsoleRequests>>;

/** Connects to the console namespace of the server this page came from. */
export function connectConsole(token: string): ConsoleSocket {
  return io("/console", { auth: { token }, transports: ["websocket", "polling"] });
}
