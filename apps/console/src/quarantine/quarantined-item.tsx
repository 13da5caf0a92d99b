import { useState } from "react";

interface Props {
  kind: "article" | "correction";
  id: string;
  title: string;
  text: string;
  reasons: readonly string[];
  when: string | null;
  busy: boolean;
  removeLabel: string;
  onRelease(): void;
  onRemove(): void;
}

/**
 * One held-back article or correction: why it was held (the screen's words, quoting the text), the
 * text itself, and the two ways out. Releasing asks once more, because the bot will use it at once.
 */
export function QuarantinedItem({
  kind,
  id,
  title,
  text,
  reasons,
  when,
  busy,
  removeLabel,
  onRelease,
  onRemove,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <article className="quarantined" data-quarantined-id={id} aria-label={title}>
      <header>
        <h3>{title}</h3>
        <p className="muted">
          {kind === "article" ? `Article ${id}` : "Correction"}
          {when && ` · held ${when}`}
        </p>
      </header>
      <ul className="quarantine-reasons" aria-label="Why it is held">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <details>
        <summary>Show the text</summary>
        <pre className="quarantined-text">{text}</pre>
      </details>
      <div className="quarantine-actions">
        {confirming ? (
          <>
            <span>The bot will use this {kind} for answers at once.</span>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onRelease();
              }}
            >
              Release it
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              Keep held
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Release…
            </button>
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onRemove}>
              {removeLabel}
            </button>
          </>
        )}
      </div>
    </article>
  );
}
