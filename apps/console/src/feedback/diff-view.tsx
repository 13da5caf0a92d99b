import { useMemo } from "react";
import { changeSize, wordDiff } from "./word-diff";

/**
 * The bot's draft and the human's answer as one text: removed words struck through, added words
 * highlighted. Both texts are rendered as text, never as markup.
 */
export function DiffView({ draft, answer }: { draft: string; answer: string }) {
  const segments = useMemo(() => wordDiff(draft, answer), [draft, answer]);
  const size = changeSize(segments);
  return (
    <figure className="diff">
      <p className="diff-text">
        {segments.map((s, i) =>
          s.kind === "removed" ? (
            <del key={i}>
              <span className="visually-hidden">[removed: </span>
              {s.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : s.kind === "added" ? (
            <ins key={i}>
              <span className="visually-hidden">[added: </span>
              {s.text}
              <span className="visually-hidden">]</span>
            </ins>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
      <figcaption className="hint">
        <span className="diff-key diff-key-removed">bot's draft</span>{" "}
        <span className="diff-key diff-key-added">human answer</span> · {size.removed} words removed,{" "}
        {size.added} added
      </figcaption>
    </figure>
  );
}
