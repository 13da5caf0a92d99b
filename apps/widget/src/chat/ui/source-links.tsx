import type { SourceRef } from "@handoff/contracts";

/** Where a cited source can be read: its own url, else the site's help-center pattern with `{id}`. */
export function sourceHref(source: SourceRef, helpUrl: string): string | null {
  const href = source.url ?? (helpUrl ? helpUrl.replace("{id}", encodeURIComponent(source.id)) : null);
  if (!href) return null;
  try {
    // A server-relative link (the help center served next to the chat) resolves against the chat page.
    const url = new URL(href, typeof location === "undefined" ? undefined : location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The articles a bot answer drew on, as links that open in a new tab. */
export function SourceLinks(props: { sources: SourceRef[]; helpUrl: string; label: string }) {
  const articles = props.sources.filter((s) => s.kind === "article");
  if (articles.length === 0) return null;
  return (
    <div class="sources">
      <span class="sources-label">{props.label}</span>
      <ul>
        {articles.map((source) => {
          const href = sourceHref(source, props.helpUrl);
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" data-source-id={source.id}>
                  {source.title}
                </a>
              ) : (
                <span>{source.title}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
