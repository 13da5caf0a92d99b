import type { Article, MarkdownFile } from "@handoff/contracts";
import { parseMarkdownArticle } from "./markdown-article";

/** Files parsed between two turns of the event loop. */
const CHUNK = 50;

/**
 * Parses uploaded Markdown files in chunks that yield to the event loop, so a 2,000-file import
 * leaves sockets and other requests served while it runs. Any invalid file fails the whole batch.
 */
export async function parseMarkdownFiles(files: readonly MarkdownFile[]): Promise<Article[]> {
  const articles: Article[] = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    for (const file of files.slice(i, i + CHUNK))
      articles.push(parseMarkdownArticle(file.name, file.content));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return articles;
}
