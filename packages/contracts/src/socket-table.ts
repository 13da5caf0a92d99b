import type { z } from "zod";
import type { Result } from "./errors";

/** One request a client sends over a socket: its payload schema and the schema of its ack's data. */
export interface SocketRequest {
  input: z.ZodType;
  result: z.ZodType;
  /** Fire-and-forget events: the client may emit without waiting for an ack. */
  ackOptional?: true;
}

/** Every request of one namespace, by event name. */
export type SocketRequestTable = Record<string, SocketRequest>;
/** Every push of one namespace (server -> client), by event name: the payload's schema. */
export type SocketPushTable = Record<string, z.ZodType>;

type Ack<T> = (result: Result<T>) => void;

/** What a client sends for a request (before defaults are applied). */
export type RequestInput<T extends SocketRequestTable, E extends keyof T> = z.input<T[E]["input"]>;
/** What the server's handler works with (after parsing). */
export type RequestParsed<T extends SocketRequestTable, E extends keyof T> = z.output<T[E]["input"]>;
/** The data of a successful ack. */
export type RequestResult<T extends SocketRequestTable, E extends keyof T> = z.output<T[E]["result"]>;

/** The Socket.IO event map of a request table (client -> server), acks typed as Result. */
export type ClientEventsOf<T extends SocketRequestTable> = {
  [E in keyof T]: T[E] extends { ackOptional: true }
    ? (payload: RequestInput<T, E>, ack?: Ack<RequestResult<T, E>>) => void
    : (payload: RequestInput<T, E>, ack: Ack<RequestResult<T, E>>) => void;
};

/** The Socket.IO event map of a push table (server -> client). */
export type ServerEventsOf<P extends SocketPushTable> = {
  [E in keyof P]: (payload: z.output<P[E]>) => void;
};

/**
 * A client's emit side of a request table, before checking: the client's typed request helper is what
 * types each payload by the table and parses each ack with the table's result schema.
 */
export type ClientEmitsOf<T extends SocketRequestTable> = {
  [E in keyof T]: (payload: unknown, ack?: (result: unknown) => void) => void;
};

/** The schema of an event's ack data, typed per event (for clients' generic request helpers). */
export const ackSchema = <T extends Record<keyof T, SocketRequest>, E extends keyof T>(
  table: T,
  event: E,
): T[E]["result"] => table[event].result;
