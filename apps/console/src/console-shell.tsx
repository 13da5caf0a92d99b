import { Suspense, lazy, useEffect, useMemo, useRef, useState } from "react";
import type { Review } from "@handoff/contracts";
import { AccountPage } from "./account/account-page";
import { createRestClient } from "./api/rest-client";
import type { StoredSession } from "./auth/session-store";
import { ShortcutsHelp } from "./components/shortcuts-help";
import { SkipLink } from "./components/skip-link";
import { TopBar } from "./components/top-bar";
import { useConsoleConnection } from "./hooks/use-console-connection";
import { useDesktopAlerts } from "./hooks/use-desktop-alerts";
import { useNotifications } from "./hooks/use-notifications";
import { useShortcuts } from "./hooks/use-shortcut";
import { needsAttention } from "./inbox/inbox-items";
import { InboxWorkspace } from "./inbox/inbox-workspace";
import { routeFor } from "./navigation/routes";
import { SupervisorNav } from "./navigation/supervisor-nav";
import { SavedRepliesPage } from "./saved-replies/saved-replies-page";
import { SavedRepliesProvider } from "./saved-replies/saved-replies-context";
import { SearchPage } from "./search/search-page";
import { RestClientProvider } from "./api/client-context";
import { useHashRoute } from "./navigation/use-hash-route";

// Agents never open the desk, so its code (charts, diff) loads only when a supervisor does.
const SupervisorDesk = lazy(() =>
  import("./supervisor/supervisor-desk").then((m) => ({ default: m.SupervisorDesk })),
);

interface Props {
  session: StoredSession;
  onSignOut(): void;
  onExpired(): void;
  /** The server cut the live link and it came back: re-read who the user is (their role may have changed). */
  onReconnected(): void;
  onRenamed(name: string): void;
}

/**
 * The signed-in console: the top bar, then the inbox or (for supervisors) a screen of their desk.
 * The live connection stays open across screens, so the inbox and notifications keep up meanwhile.
 */
export function ConsoleShell({ session, onSignOut, onExpired, onReconnected, onRenamed }: Props) {
  const { user } = session;
  const route = routeFor(useHashRoute(), user.role);
  const [help, setHelp] = useState(false);

  const notifyRef = useRef<(review: Review) => void>(() => undefined);
  const { socket, connection, inbox, dispatch } = useConsoleConnection(session.token, {
    onNewReview: (review) => notifyRef.current(review),
    onUnauthorized: onExpired,
    onReconnected,
  });
  const notifications = useNotifications(needsAttention(inbox));
  const desktop = useDesktopAlerts();
  const { notify } = notifications;
  const { alert } = desktop;
  useEffect(() => {
    notifyRef.current = (review) => {
      notify();
      alert(review);
    };
  }, [notify, alert]);
  const client = useMemo(() => createRestClient(session.token, onExpired), [session.token, onExpired]);
  useShortcuts({ "?": () => setHelp(true) });

  const linked = useMemo(
    () => (route.view === "conversation" ? { conversationId: route.conversationId } : null),
    [route],
  );
  const inInbox = route.view === "inbox" || route.view === "conversation";

  return (
    <RestClientProvider value={client}>
      <SavedRepliesProvider client={client} agentName={user.name}>
        <div className="shell">
          {inInbox ? (
            <SkipLink target="detail">Skip to the selected conversation</SkipLink>
          ) : (
            <SkipLink target="page">Skip to the page</SkipLink>
          )}
          <TopBar
            user={user}
            nav={user.role === "supervisor" ? <SupervisorNav current={route.view} /> : null}
            connection={connection}
            sound={notifications.sound}
            badge={notifications.badge}
            onSound={notifications.setSound}
            onBadge={notifications.setBadge}
            desktop={{
              on: desktop.desktop,
              blocked: desktop.desktopBlocked,
              set: (on) => void desktop.setDesktop(on),
            }}
            onHelp={() => setHelp(true)}
            onSignOut={onSignOut}
          />
          {inInbox ? (
            <InboxWorkspace socket={socket} user={user} inbox={inbox} dispatch={dispatch} linked={linked} />
          ) : route.view === "search" ? (
            <main id="page" className="page" tabIndex={-1}>
              <SearchPage client={client} user={user} query={route.query} />
            </main>
          ) : route.view === "saved-replies" ? (
            <main id="page" className="page" tabIndex={-1}>
              <SavedRepliesPage client={client} user={user} />
            </main>
          ) : route.view === "account" ? (
            <main id="page" className="page" tabIndex={-1}>
              <AccountPage client={client} user={user} onRenamed={onRenamed} />
            </main>
          ) : (
            <Suspense fallback={<p className="empty">Loading…</p>}>
              <SupervisorDesk view={route.view} client={client} user={user} />
            </Suspense>
          )}
          <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
        </div>
      </SavedRepliesProvider>
    </RestClientProvider>
  );
}
