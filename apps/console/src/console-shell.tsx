import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Review, ReviewDecision } from "@handoff/contracts";
import type { StoredSession } from "./auth/session-store";
import { ShortcutsHelp } from "./components/shortcuts-help";
import { TopBar } from "./components/top-bar";
import { ConversationDetail } from "./conversation/conversation-detail";
import { useBatch } from "./hooks/use-batch";
import { useConsoleConnection } from "./hooks/use-console-connection";
import { useNotifications } from "./hooks/use-notifications";
import { useShortcuts } from "./hooks/use-shortcut";
import {
  TABS,
  itemsFor,
  needsAttention,
  openReviewOf,
  type InboxItem,
  type TabId,
} from "./inbox/inbox-items";
import { InboxPanel } from "./inbox/inbox-panel";
import { InboxTabs } from "./inbox/inbox-tabs";

interface Props {
  session: StoredSession;
  onSignOut(): void;
  onExpired(): void;
}

/** The signed-in console: the live inbox on the left, the selected conversation on the right. */
export function ConsoleShell({ session, onSignOut, onExpired }: Props) {
  const { user } = session;
  const [tab, setTab] = useState<TabId>("approval");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusDetail = useRef(false);

  const notifyRef = useRef<() => void>(() => undefined);
  const { socket, connection, inbox, dispatch } = useConsoleConnection(session.token, {
    onNewReview: () => notifyRef.current(),
    onUnauthorized: onExpired,
  });
  const notifications = useNotifications(needsAttention(inbox));
  useEffect(() => {
    notifyRef.current = notifications.notify;
  }, [notifications.notify]);
  const batch = useBatch(socket);

  const items = useMemo(() => itemsFor(inbox, tab, user.id), [inbox, tab, user.id]);
  const counts = useMemo(() => {
    const result: Record<TabId, number> = { approval: 0, waiting: 0, mine: 0, open: 0, resolved: 0 };
    for (const t of TABS) result[t.id] = itemsFor(inbox, t.id, user.id).length;
    return result;
  }, [inbox, user.id]);

  const select = useCallback((item: InboxItem | undefined, focus: boolean) => {
    if (!item) return;
    focusDetail.current = focus;
    setSelectedId(item.conversationId);
  }, []);

  // Keyboard navigation moves focus to the opened item, so its shortcuts work at once.
  useEffect(() => {
    if (focusDetail.current && selectedId) {
      focusDetail.current = false;
      heading.current?.focus();
    }
  }, [selectedId]);

  const step = useCallback(
    (delta: number) => {
      const i = items.findIndex((it) => it.conversationId === selectedId);
      const next = i === -1 ? items[0] : items[Math.min(Math.max(i + delta, 0), items.length - 1)];
      select(next, true);
    },
    [items, selectedId, select],
  );

  /** After a decision, the next item of the list is opened (the one just decided leaves the list). */
  const advance = useCallback(() => {
    const i = items.findIndex((it) => it.conversationId === selectedId);
    const rest = items.filter((it) => it.conversationId !== selectedId);
    const next = rest[Math.max(0, Math.min(i, rest.length - 1))];
    if (next) select(next, true);
    else {
      setSelectedId(null);
      document.getElementById(`tab-${tab}`)?.focus();
    }
  }, [items, selectedId, select, tab]);

  const onDecided = useCallback(
    (_review: Review, decision: ReviewDecision) => {
      if (decision.type === "takeover") setTab("mine");
      else if (decision.type !== "guide") advance();
    },
    [advance],
  );

  const onReviews = useCallback((reviews: Review[]) => dispatch({ type: "reviews", reviews }), [dispatch]);

  const tabKeys = Object.fromEntries(TABS.map((t, i) => [String(i + 1), () => setTab(t.id)]));
  useShortcuts({
    j: () => step(1),
    n: () => step(1),
    ArrowDown: () => step(1),
    k: () => step(-1),
    ArrowUp: () => step(-1),
    "?": () => setHelp(true),
    "/": () => document.querySelector<HTMLTextAreaElement>(".composer textarea")?.focus(),
    ...tabKeys,
  });

  const selectedReview = selectedId ? openReviewOf(inbox, selectedId) : null;

  return (
    <div className="shell">
      <a href="#detail" className="skip-link">
        Skip to the selected conversation
      </a>
      <TopBar
        user={user}
        connection={connection}
        sound={notifications.sound}
        badge={notifications.badge}
        onSound={notifications.setSound}
        onBadge={notifications.setBadge}
        onHelp={() => setHelp(true)}
        onSignOut={onSignOut}
      />
      <div className="workspace">
        <nav className="inbox" aria-label="Inbox">
          <InboxTabs tab={tab} counts={counts} onChange={setTab} />
          <InboxPanel
            tab={tab}
            items={items}
            loaded={inbox.loaded}
            selectedId={selectedId}
            onSelect={(item) => select(item, false)}
            batch={batch}
            reviewsById={inbox.reviews}
          />
        </nav>
        <main id="detail" className="detail-pane">
          {socket && selectedId ? (
            <ConversationDetail
              key={selectedId}
              socket={socket}
              user={user}
              conversationId={selectedId}
              review={selectedReview}
              headingRef={heading}
              onReviews={onReviews}
              onViewed={batch.markViewed}
              onDecided={onDecided}
              onReleased={() => setTab("open")}
            />
          ) : (
            <div className="placeholder">
              <h2>Nothing selected</h2>
              <p>
                Pick an item from the inbox, or press <kbd>J</kbd> to open the most urgent one. Press{" "}
                <kbd>?</kbd> for all shortcuts.
              </p>
            </div>
          )}
        </main>
      </div>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
