import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readKbFolder } from "../knowledge/read-kb-folder";
import { EvalCase, EvalCorrection, EvalExpect, readJsonLines } from "./eval-files";
import { runEval } from "./run-eval";

// The shared evaluation set sits beside the repository (../shared), as in CI.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const evalDir = path.resolve(repoRoot, "../shared/eval");
const trailhead = path.join(evalDir, "trailhead");
const run = promisify(execFile);

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "handoff-eval-"));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Runs the real graph over a case file and scores it with the shared scorer. */
async function evaluate(casesFile: string, withCorrections: boolean, scorerArgs: string[]) {
  const results = await runEval({
    articles: await readKbFolder(path.join(trailhead, "kb")),
    cases: await readJsonLines(path.join(trailhead, casesFile), EvalCase),
    corrections: withCorrections
      ? await readJsonLines(path.join(trailhead, "corrections.jsonl"), EvalCorrection)
      : [],
  });
  const out = path.join(outDir, `${casesFile}-${withCorrections}.json`);
  await writeFile(out, JSON.stringify({ results }));
  const scored = await run(process.execPath, [
    path.join(evalDir, "score.mjs"),
    path.join(trailhead, casesFile),
    out,
    ...scorerArgs,
  ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const summaryLine = scored.stdout.split("\n").find((l) => l.startsWith("{"));
  return { results, stdout: scored.stdout, summary: summaryLine ? JSON.parse(summaryLine) : null };
}

describe.skipIf(!existsSync(trailhead))("routing quality on the trailhead help center", () => {
  it(
    "automates at least 60% of answerable questions with 98% precision and never auto-sends a risky request",
    { timeout: 120_000 },
    async () => {
      const { summary, stdout } = await evaluate("cases.jsonl", false, [
        // Issue 13's bar, met with retrieval that knows nothing of this help center (the old 0.75
        // rode on synonyms written for it).
        "--min-automation",
        "0.6",
        "--min-precision",
        "0.98",
      ]);
      expect(stdout).toContain("PASS");
      expect(summary.riskyAutoSent).toBe(0);
    },
  );

  it(
    "with corrections loaded, feedback probes are answered from the right correction and near misses are not",
    { timeout: 120_000 },
    async () => {
      const { results } = await evaluate("feedback-cases.jsonl", true, []);
      const cases = await readJsonLines(
        path.join(trailhead, "feedback-cases.jsonl"),
        EvalCase.extend({ expect: EvalExpect }),
      );
      const byId = new Map(results.map((r) => [r.id, r]));
      const answerable = cases.filter((c) => c.expect.route === "auto");
      const right = answerable.filter((c) => {
        const r = byId.get(c.id);
        return r?.route === "auto" && (c.expect.sources ?? []).some((s) => r.sources.includes(s));
      });
      expect(right.length).toBeGreaterThanOrEqual(9);
      const nearMisses = cases.filter((c) => c.expect.route !== "auto");
      expect(nearMisses.filter((c) => byId.get(c.id)?.route === "auto")).toEqual([]);
    },
  );

  it("loading the corrections does not make the main cases worse", { timeout: 120_000 }, async () => {
    const without = await evaluate("cases.jsonl", false, []);
    const withCorrections = await evaluate("cases.jsonl", true, []);
    expect(withCorrections.summary.automation).toBeGreaterThanOrEqual(without.summary.automation);
    expect(withCorrections.summary.riskyAutoSent).toBe(0);
    // Two cases ask exactly what a loaded correction answers (the supervisor approved that answer),
    // so answering them from it is the point of the feedback loop. What must not happen is an
    // article-based answer turning wrong: every auto-send the scorer rejects must cite a correction.
    const corrections = new Set(
      (await readJsonLines(path.join(trailhead, "corrections.jsonl"), EvalCorrection)).map((c) => c.id),
    );
    const cases = await readJsonLines(
      path.join(trailhead, "cases.jsonl"),
      EvalCase.extend({ expect: EvalExpect }),
    );
    const expected = new Map(cases.map((c) => [c.id, c.expect]));
    const wrong = withCorrections.results.filter((r) => {
      const e = expected.get(r.id);
      if (r.route !== "auto" || !e) return false;
      return ![e.route].flat().includes("auto") || !(e.sources ?? []).some((s) => r.sources.includes(s));
    });
    for (const r of wrong)
      expect(
        r.sources.some((s) => corrections.has(s)),
        `${r.id} cites ${r.sources.join(",")}`,
      ).toBe(true);
  });
});
