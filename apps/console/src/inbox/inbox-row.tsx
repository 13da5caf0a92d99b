import { shortId } from "@handoff/contracts";
import type { InboxItem } from "./inbox-items";
import { customerName, whyHere } from "./describe";
import { due, waited } from "../components/format-time";

interface Props {
  item: InboxItem;
  now: number;
  selected: boolean;
  onSelect(): void;
  batch?: { checked: boolean; disabled: boolean; title: string; onChange(checked: boolean): void };
}

/**
 * One inbox row: who, the customer message that needs action (the one the bot paused on, not the
 * latest bot or system line), why it is here, how long it has waited, its deadline and short id.
 */
export function InboxRow({ item, now, selected, onSelect, batch }: Props) {
  const { review, conversation } = item;
  const name = customerName(conversation, item.conversationId);
  const last = review?.packet.question ?? conversation?.lastMessagePreview ?? "";
  const deadline = review && review.status === "pending" ? due(review.deadline, now) : null;
  const kind = review ? (review.kind === "approval" ? "Approval" : "Handoff") : "Resolved";

  return (
    <li
      className={`inbox-row${selected ? " is-selected" : ""}${deadline?.overdue ? " is-overdue" : ""}`}
      data-conversation-id={item.conversationId}
      data-review-id={review?.id}
    >
      {batch && (
        <input
          type="checkbox"
          className="row-check"
          checked={batch.checked}
          disabled={batch.disabled}
          title={batch.title}
          aria-label={`Select ${name} for batch approval`}
          onChange={(e) => batch.onChange(e.target.checked)}
        />
      )}
      <button
        type="button"
        className="row-button"
        aria-current={selected ? "true" : undefined}
        onClick={onSelect}
      >
        <span className="row-top">
          <span className="row-customer">{name}</span>
          <span className={`tag tag-kind-${kind.toLowerCase()}`}>{kind}</span>
        </span>
        <span className="row-last">{last}</span>
        <span className="row-bottom">
          {review && <span className="row-why">{whyHere(review)}</span>}
          {review?.status === "claimed" && (
            <span className="row-taken">Taken by {review.assigneeName ?? "an agent"}</span>
          )}
          <span className="row-id">{shortId(item.conversationId)}</span>
          <span className="row-times">
            {review ? (
              <>
                <span title="waited">waited {waited(review.createdAt, now)}</span>
                {deadline && (
                  <span className={deadline.overdue ? "overdue" : undefined} title={review.deadline}>
                    {deadline.text}
                  </span>
                )}
              </>
            ) : (
              conversation && <span>{waited(conversation.updatedAt, now)} ago</span>
            )}
          </span>
        </span>
      </button>
    </li>
  );
}
