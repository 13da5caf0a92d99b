import { useEffect, useReducer, useRef, useState } from "react";
import { ConsolePushes, type Review } from "@handoff/contracts";
import { connectConsole, type ConsoleSocket } from "../api/console-socket";
import { listInbox } from "../api/requests";
import { emptyInbox, inboxReducer } from "../inbox/inbox-state";

export type ConnectionState = "connecting" | "online" | "offline";

/**
 * The console's live link: one socket for the session, the inbox loaded on every (re)connect and
 * kept current by the server's pushes. Pushed payloads are checked against the contracts first.
 *
 * The server cuts the link when the session ends or the user changes (signed out elsewhere,
 * deactivated, a new role or password). Socket.IO does not reconnect after a cut by the server, so
 * this does, at once: a session that ended is refused at the handshake and the console signs out
 * (`onUnauthorized`); one that lives on comes back, and `onReconnected` lets the caller re-read who
 * the user now is.
 */
export function useConsoleConnection(
  token: string,
  handlers: { onNewReview(review: Review): void; onUnauthorized(): void; onReconnected?(): void },
) {
  const [socket, setSocket] = useState<ConsoleSocket | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [inbox, dispatch] = useReducer(inboxReducer, emptyInbox);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const s = connectConsole(token);
    setSocket(s);
    const reload = () => {
      listInbox(s, true).then(
        (data) => dispatch({ type: "loaded", inbox: data }),
        () => setConnection("offline"),
      );
    };
    let cutByServer = false;
    s.on("connect", () => {
      setConnection("online");
      reload();
      if (cutByServer) handlersRef.current.onReconnected?.();
      cutByServer = false;
    });
    s.on("disconnect", (reason) => {
      setConnection("offline");
      if (reason !== "io server disconnect") return;
      cutByServer = true;
      s.connect();
    });
    s.on("connect_error", (err) => {
      setConnection("offline");
      if (/unauthorized/i.test(err.message)) handlersRef.current.onUnauthorized();
    });
    s.on("review:created", (raw) => {
      const parsed = ConsolePushes["review:created"].safeParse(raw);
      if (!parsed.success) return;
      dispatch({ type: "reviews", reviews: [parsed.data] });
      if (parsed.data.status === "pending") handlersRef.current.onNewReview(parsed.data);
    });
    s.on("review:updated", (raw) => {
      const parsed = ConsolePushes["review:updated"].safeParse(raw);
      if (parsed.success) dispatch({ type: "reviews", reviews: [parsed.data] });
    });
    s.on("conversation:updated", (raw) => {
      const parsed = ConsolePushes["conversation:updated"].safeParse(raw);
      if (parsed.success) dispatch({ type: "conversation", conversation: parsed.data });
    });
    s.on("conversation:erased", (raw) => {
      const parsed = ConsolePushes["conversation:erased"].safeParse(raw);
      if (parsed.success) dispatch({ type: "erased", conversationId: parsed.data.conversationId });
    });
    return () => {
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [token]);

  return { socket, connection, inbox, dispatch };
}
