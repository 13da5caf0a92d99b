import { useState } from "react";
import type { Correction, CorrectionApprove } from "@handoff/contracts";
import { dateTime } from "../components/format-time";
import { TextForm } from "../components/text-form";
import { routeHref } from "../navigation/routes";
import { ApproveForm } from "./approve-form";
import { reasonLabel } from "./correction-labels";
import { DiffView } from "./diff-view";

/** What the queue does with one correction; each resolves to whether it worked. */
export interface CorrectionActions {
  approve(correction: Correction, rewrite: CorrectionApprove): Promise<boolean>;
  reject(correction: Correction, reason: string): Promise<boolean>;
  retire(correction: Correction): Promise<boolean>;
}

interface Props {
  correction: Correction;
  author: string | null;
  selected: boolean;
  busy: boolean;
  onToggle(checked: boolean): void;
  actions: CorrectionActions;
}

const STATUS: Record<Correction["status"], string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  retired: "Retired",
  quarantined: "Quarantined",
};

/** One correction: the question, the diff from draft to answer, who and why, and what can be done with it. */
export function CorrectionCard({ correction: c, author, selected, busy, onToggle, actions }: Props) {
  const [mode, setMode] = useState<"view" | "edit" | "reject">("view");
  const reason = reasonLabel(c);
  const canApprove = c.status === "pending" || c.status === "rejected";

  const done = (ok: boolean) => {
    if (ok) setMode("view");
  };

  return (
    <article
      className={`correction correction-${c.status}`}
      data-correction-id={c.id}
      aria-label={c.question}
    >
      <header className="correction-head">
        <input
          type="checkbox"
          checked={selected}
          disabled={busy}
          aria-label={`Select the correction for: ${c.question}`}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span className={`tag tag-status-${c.status}`}>{STATUS[c.status]}</span>
        <p className="correction-meta">
          {author ? <strong>{author}</strong> : <span>An agent</span>}
          {" · "}
          <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
          {reason && (
            <>
              {" · "}
              <span className="correction-reason">{reason}</span>
            </>
          )}
        </p>
        {c.conversationId && (
          <a
            className="correction-link"
            href={routeHref({ view: "conversation", conversationId: c.conversationId })}
          >
            Open conversation
          </a>
        )}
      </header>

      <blockquote className="question-text">{c.question}</blockquote>
      {c.draft ? (
        <DiffView draft={c.draft} answer={c.answer} />
      ) : (
        <div className="diff">
          <p className="diff-text">{c.answer}</p>
          <p className="hint">The bot had no draft: this is the human answer.</p>
        </div>
      )}

      {(c.tags.length > 0 || c.reviewedAt) && (
        <p className="correction-foot">
          {c.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
          {c.reviewedAt && (
            <span className="hint">
              {STATUS[c.status]} <time dateTime={c.reviewedAt}>{dateTime(c.reviewedAt)}</time>
            </span>
          )}
        </p>
      )}

      {mode === "edit" ? (
        <ApproveForm
          correction={c}
          busy={busy}
          onSubmit={(rewrite) => void actions.approve(c, rewrite).then(done)}
          onCancel={() => setMode("view")}
        />
      ) : mode === "reject" ? (
        <TextForm
          label="Why reject this correction?"
          submitLabel="Reject correction"
          rows={2}
          busy={busy}
          onSubmit={(text) => void actions.reject(c, text).then(done)}
          onCancel={() => setMode("view")}
        />
      ) : (
        <div className="correction-actions">
          {canApprove && (
            <>
              <button
                type="button"
                className="btn btn-success btn-small"
                disabled={busy}
                onClick={() => void actions.approve(c, {})}
              >
                Approve
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => setMode("edit")}>
                Edit and approve
              </button>
            </>
          )}
          {c.status === "pending" && (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => setMode("reject")}>
              Reject
            </button>
          )}
          {c.status === "approved" && (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void actions.retire(c)}
            >
              Retire
            </button>
          )}
        </div>
      )}
    </article>
  );
}
