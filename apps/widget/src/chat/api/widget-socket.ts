import { io, type Socket } from "socket.io-client";
import type { z } from "zod";
import {
  Conversation,
  ConversationSnapshot,
  HandoffUnavailable,
  Message,
  QueuePosition,
  TypingEvent,
  type WidgetClientEvents,
  type WidgetServerEvents,
} from "@handoff/contracts";
import { failure, readResult, type ApiResult } from "./api-result";

export type WidgetSocket = Socket<WidgetServerEvents, WidgetClientEvents>;

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
  socket.on("message:new", validated(Message, "message:new", on.message));
  socket.on("conversation:updated", validated(Conversation, "conversation:updated", on.conversation));
  socket.on("typing", validated(TypingEvent, "typing", on.typing));
  socket.on("queue:position", validated(QueuePosition, "queue:position", on.queue));
  socket.on("handoff:unavailable", validated(HandoffUnavailable, "handoff:unavailable", on.unavailable));

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
  async function request<S extends z.ZodType>(
    schema: S,
    emit: (s: ReturnType<WidgetSocket["timeout"]>) => Promise<unknown>,
    timeoutMs = 10_000,
  ): Promise<ApiResult<z.output<S>>> {
    if (!socket.connected) return failure("offline", "not connected");
    try {
      return readResult(schema, await emit(socket.timeout(timeoutMs)));
    } catch {
      return failure("timeout", "the server did not answer in time");
    }
  }

  return {
    socket,
    request,
    snapshotSchema: ConversationSnapshot,
    close() {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.disconnect();
    },
  };
}
