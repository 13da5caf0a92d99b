import { useState } from "react";
import type { User } from "@handoff/contracts";
import type { RestClient } from "../api/rest-client";
import { BulkBar } from "./bulk-bar";
import { CorrectionCard } from "./correction-card";
import { QueueFilters, type StatusFilter } from "./queue-filters";
import { useCorrectionQueue } from "./use-correction-queue";
import "./feedback.css";

/** The supervisor's feedback queue: curate the corrections agents' answers produced. */
export function FeedbackQueue({ client, user }: { client: RestClient; user: User }) {
  const [status, setStatus] = useState<StatusFilter>("pending");
  const [query, setQuery] = useState("");
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const queue = useCorrectionQueue(client, status, query);
  const { corrections } = queue;

  // Only corrections still listed count as selected (an action or a filter may have removed some).
  const selected = corrections.filter((c) => ticked.has(c.id));
  const allTicked = corrections.length > 0 && selected.length === corrections.length;
  const tick = (id: string, on: boolean) =>
    setTicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const afterBulk = (ok: boolean) => {
    if (ok) setTicked(new Set());
    return ok;
  };
  const authorOf = (createdBy: string | null, id: string) =>
    queue.authors?.get(id) ?? (createdBy === user.id ? user.name : null);

  return (
    <div className="desk-page">
      <header className="page-header">
        <h1>Feedback queue</h1>
        <p className="muted">
          Human answers that differ from the bot's. Approved ones are used for later answers at once.
        </p>
      </header>
      <QueueFilters
        status={status}
        query={query}
        onStatus={(s) => {
          setStatus(s);
          setTicked(new Set());
        }}
        onSearch={setQuery}
      />
      <BulkBar
        selected={selected}
        busy={queue.busy}
        onApprove={() => void queue.bulkApprove(selected.map((c) => c.id)).then(afterBulk)}
        onReject={(reason) =>
          queue
            .bulkReject(
              selected.map((c) => c.id),
              reason,
            )
            .then(afterBulk)
        }
        onMerge={(keepId, duplicates) => queue.merge(keepId, duplicates).then(afterBulk)}
        onClear={() => setTicked(new Set())}
      />
      {queue.done && (
        <p className="notice notice-ok" role="status">
          {queue.done}
        </p>
      )}
      {(queue.error ?? queue.loadError) && (
        <p className="form-error" role="alert">
          {queue.error ?? queue.loadError}
        </p>
      )}
      <div className="list-head">
        <label className="switch">
          <input
            type="checkbox"
            checked={allTicked}
            disabled={corrections.length === 0}
            onChange={(e) => setTicked(e.target.checked ? new Set(corrections.map((c) => c.id)) : new Set())}
          />
          Select all
        </label>
        <span className="hint" aria-live="polite">
          {queue.loading ? "Loading…" : `${corrections.length} shown`}
        </span>
      </div>
      {!queue.loading && corrections.length === 0 ? (
        <p className="empty">
          {query ? "No correction matches this search." : "Nothing here: the queue is clear."}
        </p>
      ) : (
        <div className="correction-list" aria-label="Corrections">
          {corrections.map((c) => (
            <CorrectionCard
              key={c.id}
              correction={c}
              author={authorOf(c.createdBy, c.id)}
              selected={ticked.has(c.id)}
              busy={queue.busy}
              onToggle={(on) => tick(c.id, on)}
              actions={queue.actions}
            />
          ))}
        </div>
      )}
    </div>
  );
}
