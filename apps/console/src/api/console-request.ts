import type { z } from "zod";
import { ackSchema, ConsoleRequests, type SocketRequest } from "@handoff/contracts";
import { unwrap } from "./ack";
import type { ConsoleSocket } from "./console-socket";

const TIMEOUT_MS = 15_000;

type Emit<T> = (socket: ConsoleSocket, event: keyof T & string, payload: unknown) => Promise<unknown>;

/** A request helper over one socket table (generic in the table so each event keeps its own types). */
const requester =
  <T extends Record<keyof T, SocketRequest>>(table: T, emit: Emit<T>) =>
  async <E extends keyof T & string>(
    socket: ConsoleSocket,
    event: E,
    input: z.input<T[E]["input"]>,
  ): Promise<z.output<T[E]["result"]>> =>
    unwrap(ackSchema(table, event), await emit(socket, event, input));

/**
 * Sends one console event of the contracts' socket table and waits for its ack: the payload is typed
 * by the table, and the ack is checked by the table's result schema (an AckError when refused).
 */
export const request = requester(ConsoleRequests, (socket, event, payload) =>
  socket.timeout(TIMEOUT_MS).emitWithAck(event, payload),
);

/** Sends a fire-and-forget console event (one the table marks `ackOptional`), typed by the table. */
export const send = <E extends FireAndForget>(
  socket: ConsoleSocket,
  event: E,
  input: z.input<ConsoleRequests[E]["input"]>,
) => {
  const name: FireAndForget = event;
  socket.emit(name, input);
};

type FireAndForget = {
  [E in keyof ConsoleRequests]: ConsoleRequests[E] extends { ackOptional: true } ? E : never;
}[keyof ConsoleRequests];
