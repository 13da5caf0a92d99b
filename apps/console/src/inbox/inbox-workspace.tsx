import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from "react";
import {
  decisionEffect,
  packetDrafts,
  type Review,
  type ReviewDecision,
  type User,
} from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { OfferTray } from "../assignment/offer-tray";
import { ConversationDetail } from "../conversation/conversation-detail";
import { useBatch } from "../hooks/use-batch";
import { useShortcuts } from "../hooks/use-shortcut";
import { TABS, itemsFor, openReviewOf, type InboxItem, type TabId } from "./inbox-items";
import { InboxPanel } from "./inbox-panel";
import type { InboxAction, InboxState } from "./inbox-state";
import { InboxTabs } from "./inbox-tabs";

interface Props {
  socket: ConsoleSocket | null;
  user: User;
  inbox: InboxState;
  dispatch: Dispatch<InboxAction>;
  /** A conversation a link asked to open (a new object each time the link is followed). */
  linked: { conversationId: string } | null;
}

/** The agent's workspace: the live inbox on the left, the selected conversation on the right. */
export function InboxWorkspace({ socket, user, inbox, dispatch, linked }: Props) {
  const [tab, setTab] = useState<TabId>("approval");
  const [selectedId, setSelectedId] = useState<string | null>(linked?.conversationId ?? null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusDetail = useRef(false);
  const batch = useBatch(socket);

  useEffect(() => {
    if (linked) setSelectedId(linked.conversationId);
  }, [linked]);

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
    (review: Review, decision: ReviewDecision) => {
      const drafts = review.kind === "approval" ? packetDrafts(review.packet) : [];
      const effect = decisionEffect(decision, drafts);
      // A takeover continues under "mine"; a redraft comes back to this same item for a new decision.
      if (effect.kind === "person" && effect.takeover) setTab("mine");
      else if (effect.kind !== "redraft") advance();
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
    "/": () => document.querySelector<HTMLTextAreaElement>(".composer textarea")?.focus(),
    ...tabKeys,
  });

  const selectedReview = selectedId ? openReviewOf(inbox, selectedId) : null;

  return (
    <div className="workspace">
      <nav className="inbox" aria-label="Inbox">
        <OfferTray
          socket={socket}
          onAccepted={(conversationId) => {
            setTab("mine");
            setSelectedId(conversationId);
          }}
        />
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
      <main id="detail" className="detail-pane" tabIndex={-1}>
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
  );
}
