import { io, type Socket } from "socket.io-client";
import type { ConsoleClientEvents, ConsoleServerEvents } from "@handoff/contracts";

/** The agent's typed connection to the /console namespace. */
export type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;

/** Connects to the console namespace of the server this page came from. */
export function connectConsole(token: string): ConsoleSocket {
  return io("/console", { auth: { token }, transports: ["websocket", "polling"] });
}
