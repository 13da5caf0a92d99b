import type { Draft } from "@handoff/contracts";

/** A candidate reply, shown as plain text with the sources it cites. */
export function DraftCard({ draft, label }: { draft: Draft; label: string }) {
  return (
    <figure className="draft" aria-label={label}>
      <p className="draft-text">{draft.text}</p>
      {draft.sources.length > 0 && (
        <figcaption className="draft-sources">
          Cites: {draft.sources.map((s) => `${s.title} (${s.score.toFixed(2)})`).join(", ")}
        </figcaption>
      )}
    </figure>
  );
}
