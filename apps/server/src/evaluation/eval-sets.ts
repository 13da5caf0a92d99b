import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The shared evaluation sets sit beside the repository (../shared/eval), as in CI. */
export const SHARED_EVAL_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../../shared/eval",
);

/** A help center to evaluate: its articles, its cases, and trailhead-style corrections if it has them. */
export interface EvalSet {
  name: string;
  dir: string;
  kbDir: string;
  casesFile: string;
  correctionsFile: string | null;
  feedbackCasesFile: string | null;
}

/** Reads one folder as an evaluation set; null unless it has kb/ and cases.jsonl. */
export async function readEvalSet(dir: string): Promise<EvalSet | null> {
  const kbDir = path.join(dir, "kb");
  const casesFile = path.join(dir, "cases.jsonl");
  if (!(await isDirectory(kbDir)) || !existsSync(casesFile)) return null;
  const optional = (name: string) => (existsSync(path.join(dir, name)) ? path.join(dir, name) : null);
  return {
    name: path.basename(dir),
    dir,
    kbDir,
    casesFile,
    correctionsFile: optional("corrections.jsonl"),
    feedbackCasesFile: optional("feedback-cases.jsonl"),
  };
}

/** Every folder directly under `root` that is an evaluation set, by name. */
export async function findEvalSets(root: string): Promise<EvalSet[]> {
  if (!(await isDirectory(root))) return [];
  const names = (await readdir(root)).sort();
  const sets = await Promise.all(names.map((n) => readEvalSet(path.join(root, n))));
  return sets.filter((s) => s !== null);
}

/** A set named on the command line: a folder path, or the name of a folder under the shared sets. */
export async function resolveEvalSet(nameOrDir: string, base: string): Promise<EvalSet> {
  const candidates = [path.resolve(base, nameOrDir), path.join(SHARED_EVAL_DIR, nameOrDir)];
  for (const dir of candidates) {
    const set = await readEvalSet(dir);
    if (set) return set;
  }
  throw new Error(`${nameOrDir}: not an evaluation set (a folder with kb/ and cases.jsonl)`);
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
