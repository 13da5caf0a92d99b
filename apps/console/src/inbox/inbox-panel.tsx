import type { Review } from "@handoff/contracts";
import { useNow } from "../hooks/use-now";
import { BatchBar } from "./batch-bar";
import { batchKind } from "./batch-kind";
import type { InboxItem, TabId } from "./inbox-items";
import { InboxRow } from "./inbox-row";

export interface BatchState {
  selected: Set<string>;
  viewed: Set<string>;
  busy: boolean;
  result: string | null;
  toggle(review: Review, checked: boolean): void;
  approve(): void;
  clear(): void;
}

interface Props {
  tab: TabId;
  items: InboxItem[];
  loaded: boolean;
  selectedId: string | null;
  onSelect(item: InboxItem): void;
  batch: BatchState;
  reviewsById: Record<string, Review>;
}

const EMPTY: Record<TabId, string> = {
  approval: "No drafts are waiting for approval.",
  waiting: "Nobody is waiting for a person.",
  mine: "You are not handling any conversation.",
  open: "Nothing is open. The bot has it covered.",
  resolved: "No resolved conversations yet.",
};

/** The rows of the current tab, most urgent first. */
export function InboxPanel({ tab, items, loaded, selectedId, onSelect, batch, reviewsById }: Props) {
  const now = useNow();
  const firstSelected = [...batch.selected].map((id) => reviewsById[id]).find((r) => r !== undefined);
  const kind = firstSelected ? batchKind(firstSelected) : null;

  return (
    <div id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="inbox-panel">
      {tab === "approval" && (items.length > 0 || batch.result) && (
        <BatchBar
          selected={batch.selected.size}
          busy={batch.busy}
          result={batch.result}
          onApprove={batch.approve}
          onClear={batch.clear}
        />
      )}
      {!loaded ? (
        <p className="empty">Loading the inbox…</p>
      ) : items.length === 0 ? (
        <p className="empty">{EMPTY[tab]}</p>
      ) : (
        <ul className="inbox-list" aria-label="Inbox items">
          {items.map((item) => {
            const review = item.review;
            const batchable = tab === "approval" && review?.kind === "approval";
            const viewed = review ? batch.viewed.has(review.id) : false;
            const sameKind = !kind || (review !== null && batchKind(review) === kind);
            return (
              <InboxRow
                key={item.key}
                item={item}
                now={now}
                selected={item.conversationId === selectedId}
                onSelect={() => onSelect(item)}
                batch={
                  batchable && review
                    ? {
                        checked: batch.selected.has(review.id),
                        disabled: !viewed || !sameKind || batch.busy,
                        title: !viewed
                          ? "Open this draft first"
                          : !sameKind
                            ? "Only drafts of the same kind are approved together"
                            : "Select for batch approval",
                        onChange: (checked) => batch.toggle(review, checked),
                      }
                    : undefined
                }
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}
