import type { Result } from "@handoff/contracts";
import type { AuthService, ConsoleSession } from "../auth/auth-service";
import type { Logger } from "../app/logger";
import type { ConsoleNamespace, ConsoleSocket } from "./namespaces";
import { userRoom } from "./rooms";

/** The longest delay setTimeout takes; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How soon a timer whose session could not be looked up tries again. */
const RETRY_MS = 5000;

const sessionRoom = (sessionId: string) => `session:${sessionId}`;

const ENDED: Result<never> = {
  ok: false,
  error: { code: "unauthorized", message: "your session has ended; sign in again" },
};

const UNCHECKED: Result<never> = {
  ok: false,
  error: { code: "internal", message: "could not check your session; nothing was changed, try again" },
};

/**
 * Binds every console socket to the session it was opened with, for as long as it lives:
 * - the handshake needs a live session (checked again when a dropped client recovers its socket);
 * - a sign-out, an expiry or a change to the user disconnects the session's (or user's) sockets on
 *   every instance (the rooms below reach through the Redis adapter);
 * - a timer ends the socket at the expiry moment, whether or not anything else happens;
 * - every event re-reads the session first, so a socket whose disconnect went missing still cannot
 *   act, and the handlers see the user's current role.
 */
export function bindConsoleSessions(consoleNs: ConsoleNamespace, auth: AuthService, logger: Logger): void {
  consoleNs.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    auth.session(typeof token === "string" ? token : undefined).then(
      (session) => {
        if (!session) return next(new Error("unauthorized: sign in first"));
        socket.data.user = session.user;
        socket.data.session = session;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error("authentication failed")),
    );
  });

  consoleNs.on("connection", (socket) => {
    const { session, user } = socket.data;
    void socket.join([sessionRoom(session.id), userRoom(user.id)]);
    const end = () => socket.disconnect(true);
    const timer = expiryTimer(auth, session, end, (err) =>
      logger.error({ err }, "checking a console session failed"),
    );
    socket.on("disconnect", () => timer.stop());
    socket.use(checkEveryEvent(socket, auth, end, (err) => logger.error({ err }, "session check failed")));
  });

  auth.revocations.on((revocation) => {
    if ("sessionId" in revocation)
      return consoleNs.in(sessionRoom(revocation.sessionId)).disconnectSockets(true);
    const { userId, exceptSessionId } = revocation;
    const except = exceptSessionId === undefined ? [] : [sessionRoom(exceptSessionId)];
    consoleNs.in(userRoom(userId)).except(except).disconnectSockets(true);
  });
}

/** Ends the socket when its session expires: looked up again when the timer fires, re-armed if still live. */
function expiryTimer(
  auth: AuthService,
  session: ConsoleSession,
  end: () => void,
  onError: (err: unknown) => void,
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (live: ConsoleSession | null) => {
    if (stopped) return;
    if (!live) return end();
    timer = setTimeout(check, Math.min(Math.max(auth.msUntilExpiry(live.expiresAt), 0), MAX_TIMER_MS));
    timer.unref();
  };
  const check = () =>
    void auth.sessionById(session.id).then(arm, (err: unknown) => {
      onError(err);
      // Try again shortly; every event is checked meanwhile.
      arm({ ...session, expiresAt: new Date(Date.now() + RETRY_MS).toISOString() });
    });
  arm(session);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Packet middleware: each event waits for a fresh look at the session, in arrival order (so two
 * messages an agent sends back to back still reach their handlers in that order). An ended session
 * gets an `unauthorized` ack and the socket is closed; a live one refreshes `socket.data.user`.
 */
function checkEveryEvent(
  socket: ConsoleSocket,
  auth: AuthService,
  end: () => void,
  onError: (err: unknown) => void,
) {
  let queue: Promise<void> = Promise.resolve();
  return (packet: unknown[], next: (err?: Error) => void): void => {
    const ack = packet.at(-1);
    const reply = (result: Result<never>) => {
      if (typeof ack === "function") ack(result);
    };
    queue = queue.then(() =>
      auth.sessionById(socket.data.session.id).then(
        (session) => {
          if (!session) {
            reply(ENDED);
            return end();
          }
          socket.data.user = session.user;
          next();
        },
        (err: unknown) => {
          // The store could not say: refuse this one event rather than let an unchecked one through.
          onError(err);
          reply(UNCHECKED);
        },
      ),
    );
  };
}
