/** One help-center article as the demo page shows it. */
export interface DemoArticle {
  id: string;
  title: string;
  tags: string[];
  body: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Reads the front matter (title, tags) and body of a demo knowledge-base Markdown file. */
export function parseArticle(id: string, markdown: string): DemoArticle {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(markdown);
  const front = match?.[1] ?? "";
  const body = (match?.[2] ?? markdown).trim();
  const title =
    /^title:\s*(.+)$/m
      .exec(front)?.[1]
      ?.trim()
      .replace(/^["']|["']$/g, "") ?? id;
  const tags = (/^tags:\s*\[(.*)\]$/m.exec(front)?.[1] ?? "")
    .split(",")
    .map((t) => t.trim().replace(/^["']|["']$/g, ""))
    .filter(Boolean);
  return { id, title, tags, body };
}

/** The demo page's help-center section: one card per article, each with an anchor the chat links to. */
export function helpCenterHtml(articles: DemoArticle[]): string {
  return articles
    .map(
      (a) => `<article class="help-card" id="help-${escapeHtml(a.id)}">
  <h3>${escapeHtml(a.title)}</h3>
  <p>${escapeHtml(a.body)}</p>
  <p class="tags">${a.tags.map((t) => `<span>${escapeHtml(t)}</span>`).join("")}</p>
</article>`,
    )
    .join("\n");
}
