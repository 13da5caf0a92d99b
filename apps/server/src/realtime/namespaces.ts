import type { Namespace, Server, Socket } from "socket.io";
import type { ConsoleSession } from "../auth/auth-service";
import type {
  ConsoleClientEvents,
  ConsoleServerEvents,
  User,
  WidgetClientEvents,
  WidgetServerEvents,
} from "@handoff/contracts";

/** The customer's namespace: each socket is bound to one conversation by its visitor token. */
export type WidgetNamespace = Namespace<
  WidgetClientEvents,
  WidgetServerEvents,
  Record<string, never>,
  /** `waitingForPerson`: the conversation was in the human queue when the socket connected. */
  { conversationId: string; waitingForPerson: boolean }
>;
/**
 * The agents' namespace: each socket is bound to the session it was opened with; `user` is the
 * session's user as of the socket's latest event (see console-sessions).
 */
export type ConsoleNamespace = Namespace<
  ConsoleClientEvents,
  ConsoleServerEvents,
  Record<string, never>,
  ConsoleSocketData
>;
/** What a console socket carries. */
export interface ConsoleSocketData {
  user: User;
  session: ConsoleSession;
}
/** One agent's console socket. */
export type ConsoleSocket = Socket<
  ConsoleClientEvents,
  ConsoleServerEvents,
  Record<string, never>,
  ConsoleSocketData
>;

// Socket.IO types every namespace with the server's own event maps, but ours differ per namespace.
// These are the only type assertions in the server; every payload is still parsed at run time.
/** The /widget namespace with its event maps. */
export function widgetNamespace(io: Server): WidgetNamespace {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  return io.of("/widget") as WidgetNamespace;
}

/** The /console namespace with its event maps. */
export function consoleNamespace(io: Server): ConsoleNamespace {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  return io.of("/console") as ConsoleNamespace;
}
