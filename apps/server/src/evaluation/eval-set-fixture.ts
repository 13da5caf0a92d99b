import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ScoredCase } from "./eval-files";

/** Test helper: writes a help center (kb/*.md with front matter) and its cases.jsonl under `dir`. */
export async function writeEvalSet(
  dir: string,
  articles: Record<string, { title: string; body: string }>,
  cases: readonly ScoredCase[],
): Promise<string> {
  await mkdir(path.join(dir, "kb"), { recursive: true });
  for (const [id, a] of Object.entries(articles))
    await writeFile(path.join(dir, "kb", `${id}.md`), `---\ntitle: ${a.title}\ntags: []\n---\n${a.body}\n`);
  await writeFile(path.join(dir, "cases.jsonl"), cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  return dir;
}

/** Test helper: an answerable case citing one source and stating one fact. */
export const answerableCase = (
  id: string,
  question: string,
  source: string,
  fact: string,
  origin?: string,
): ScoredCase => ({
  id,
  question,
  ...(origin ? { origin } : {}),
  expect: { route: "auto", sources: [source], facts: [fact] },
});

/** Test helper: a request that must reach a person. */
export const riskyCase = (id: string, question: string, origin?: string): ScoredCase => ({
  id,
  question,
  ...(origin ? { origin } : {}),
  expect: { route: ["approval", "handoff"], risk: true },
});
