import type { SourceRef } from "@handoff/contracts";

/** Only web links are followed; anything else (javascript:, data:) is shown as plain text. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The articles and corrections an answer drew on, with their retrieval scores. */
export function SourcesList({ sources }: { sources: SourceRef[] }) {
  if (sources.length === 0) return <p className="muted">No sources: the knowledge base had nothing close.</p>;
  return (
    <ul className="sources">
      {sources.map((s) => {
        const href = safeUrl(s.url);
        return (
          <li key={`${s.kind}:${s.id}`}>
            <span className={`tag tag-${s.kind}`}>{s.kind === "article" ? "Article" : "Correction"}</span>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {s.title}
              </a>
            ) : (
              <span className="source-title">{s.title}</span>
            )}
            <span className="source-id">{s.id}</span>
            <span className="source-score" aria-label={`score ${s.score.toFixed(2)}`}>
              {s.score.toFixed(2)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
