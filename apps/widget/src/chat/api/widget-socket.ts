import { io, type Socket } from "socket.io-client";
import type { z } from "zod";
import {
  ackSchema,
  WidgetPushes,
  WidgetRequests,
  type ClientEmitsOf,
  type Conversation,
  type HandoffUnavailable,
  type Message,
  type QueuePosition,
  type SocketRequest,
  type TypingEvent,
  type WidgetServerEvents,
} from "@handoff/contracts";
import { failure, readResult, type ApiResult } from "./api-result";

/** Pushes typed by the contracts' push table; requests go through `request`, typed by the request table. */
export type WidgetSocket = Socket<WidgetServerEvents, ClientEmitsOf<WidgetRequests>>;

/** Connection state as the customer should see it. */
export type ConnectionState = "connecting" | "online" | "offline";

/** What the socket reports, every payload already validated against its contract. */
export interface SocketListeners {
  message(message: Message): void;
  conversation(conversation: Conversation): void;
  typing(event: TypingEvent): void;
  queue(position: QueuePosition): void;
  unavailable(event: HandoffUnavailable): void;
  connection(state: ConnectionState): void;
  /** After every (re)connect: time to resync and send what waited. */
  connected(): void;
  /** The token was refused: the session must be started again. */
  unauthorized(): void;
}

/** Calls a listener only with a payload its schema accepts; anything else is dropped (and logged). */
const validated =
  <S extends z.ZodType>(schema: S, name: string, listener: (value: z.output<S>) => void) =>
  (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
    else console.warn(`handoff-desk: ignored a malformed "${name}" event`);
  };

/** Sends one event and returns its raw ack, or a failure when offline or out of time. */
type Emit<T> = (event: keyof T & string, payload: unknown, timeoutMs: number) => Promise<ApiResult<unknown>>;

/**
 * A request helper over one socket table (generic in the table so each event keeps its own types):
 * the payload is typed by the table and the ack read with the table's result schema.
 */
const requester =
  <T extends Record<keyof T, SocketRequest>>(table: T, emit: Emit<T>) =>
  async <E extends keyof T & string>(
    event: E,
    input: z.input<T[E]["input"]>,
    timeoutMs = 10_000,
  ): Promise<ApiResult<z.output<T[E]["result"]>>> => {
    const sent = await emit(event, input, timeoutMs);
    return sent.ok ? readResult(ackSchema(table, event), sent.data) : sent;
  };

/** The widget's Socket.IO connection for one conversation. */
export function openWidgetSocket(server: string, token: string, on: SocketListeners) {
  const socket: WidgetSocket = io(`${server}/widget`, {
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket.on("connect", () => {
    on.connection("online");
    on.connected();
  });
  socket.on("disconnect", (reason) => {
    on.connection(navigator.onLine ? "connecting" : "offline");
    // The server cut us off (the conversation was erased): reconnecting lets the handshake say why.
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", (err) => {
    if (/unauthorized/i.test(err.message)) on.unauthorized();
    else on.connection(navigator.onLine ? "connecting" : "offline");
  });
  socket.on("message:new", validated(WidgetPushes["message:new"], "message:new", on.message));
  socket.on(
    "conversation:updated",
    validated(WidgetPushes["conversation:updated"], "conversation:updated", on.conversation),
  );
  socket.on("typing", validated(WidgetPushes.typing, "typing", on.typing));
  socket.on("queue:position", validated(WidgetPushes["queue:position"], "queue:position", on.queue));
  socket.on(
    "handoff:unavailable",
    validated(WidgetPushes["handoff:unavailable"], "handoff:unavailable", on.unavailable),
  );

  // A dead network can leave a websocket looking open for a long time: trust the browser's signal,
  // drop the connection at once and reconnect (then resync) as soon as the network is back.
  const goOffline = () => {
    socket.disconnect();
    on.connection("offline");
  };
  const goOnline = () => {
    on.connection("connecting");
    socket.connect();
  };
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);

  /** Emits with an ack and a deadline; never queues while offline (the widget's outbox does that). */
  const request = requester(WidgetRequests, async (event, payload, timeoutMs) => {
    if (!socket.connected) return failure("offline", "not connected");
    try {
      const ack: unknown = await socket.timeout(timeoutMs).emitWithAck(event, payload);
      return { ok: true, data: ack };
    } catch {
      return failure("timeout", "the server did not answer in time");
    }
  });

  /** Sends a fire-and-forget event (typing) when connected; nothing waits for it. */
  const send = (event: "typing:set", input: z.input<WidgetRequests["typing:set"]["input"]>) => {
    if (socket.connected) socket.emit(event, input);
  };

  return {
    socket,
    request,
    send,
    close() {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.disconnect();
    },
  };
}
