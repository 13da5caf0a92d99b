import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "@handoff/contracts";
import { parseMarkdownArticle } from "./markdown-article";

/** Reads every *.md file of a folder as an article; any invalid file stops the whole import. */
export async function readKbFolder(dir: string): Promise<Article[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".md")).sort();
  if (names.length === 0) throw new Error(`${dir} has no .md files`);
  return Promise.all(
    names.map(async (n) => parseMarkdownArticle(n, await readFile(path.join(dir, n), "utf8"))),
  );
}
