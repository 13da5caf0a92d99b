import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScoredCase, readJsonLines } from "./eval-files";
import { SHARED_EVAL_DIR, findEvalSets } from "./eval-sets";
import { scoreOutput, scorePasses, scoreReport, type ScorableResult } from "./score-report";

const run = promisify(execFile);
const scorer = path.join(SHARED_EVAL_DIR, "score.mjs");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "handoff-score-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A small deterministic generator, so a failing comparison can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Cases varied from a real set so every kind of expectation occurs: without facts, with `auto` among
 * other acceptable routes, risky, and with no sources.
 */
function variedCases(cases: ScoredCase[], seed: number): ScoredCase[] {
  const random = lcg(seed);
  return cases.map((c) => {
    const roll = random();
    if (roll < 0.15) return { ...c, expect: { ...c.expect, facts: undefined } };
    if (roll < 0.25) return { ...c, expect: { ...c.expect, route: ["approval", "auto"] } };
    if (roll < 0.3) return { ...c, expect: { ...c.expect, risk: !c.expect.risk } };
    if (roll < 0.35) return { ...c, expect: { ...c.expect, sources: undefined } };
    return c;
  });
}

/**
 * A report that walks every branch of the scorer: routes right and wrong, right and wrong sources,
 * answers with every fact, some facts (in other case and Markdown emphasis) or none, missing results,
 * duplicated ids and results for cases that do not exist.
 */
function syntheticReport(cases: ScoredCase[], seed: number): ScorableResult[] {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] ?? items[0]!;
  const results: ScorableResult[] = [];
  for (const c of cases) {
    if (random() < 0.05) continue;
    const route = pick(["auto", "auto", "approval", "handoff"]);
    const right = c.expect.sources ?? [];
    const sources = pick([right.slice(0, 1), ["some-other-article"], [], [...right, "extra"]]);
    const facts = (c.expect.facts ?? []).map((f) => [f].flat()[0] ?? "");
    const answer = pick([
      `Here it is: ${facts.map((f) => `**${f.toUpperCase()}**`).join(" and\n ")}.`,
      facts.slice(0, 1).join(" "),
      null,
      "Nothing useful.",
    ]);
    const result: ScorableResult = { id: c.id, route, sources, answer };
    if (random() < 0.7) result.confidence = Math.round(random() * 1000) / 1000;
    results.push(result);
    if (random() < 0.03) results.push({ ...result, route: "handoff" });
  }
  results.push({ id: "not-a-case", route: "auto", sources: [], answer: "" });
  return results;
}

async function scoreWithScoreMjs(cases: ScoredCase[], results: ScorableResult[], args: string[]) {
  const casesFile = path.join(dir, "cases.jsonl");
  const reportFile = path.join(dir, "report.json");
  await writeFile(casesFile, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  await writeFile(reportFile, JSON.stringify({ results }));
  return run(process.execPath, [scorer, casesFile, reportFile, ...args]).then(
    (out) => ({ stdout: out.stdout, code: 0 }),
    (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? "", code: error.code ?? -1 }),
  );
}

describe.skipIf(!existsSync(scorer))("the TypeScript scorer matches ../shared/eval/score.mjs", () => {
  it(
    "prints the same failures, summary and verdict as score.mjs on synthetic reports over varied cases of every set",
    { timeout: 60_000 },
    async () => {
      const sets = await findEvalSets(SHARED_EVAL_DIR);
      expect(sets.length).toBeGreaterThan(0);
      for (const [i, set] of sets.entries()) {
        const cases = variedCases(await readJsonLines(set.casesFile, ScoredCase), 5 + i);
        const results = syntheticReport(cases, 17 + i);
        for (const min of [{}, { automation: 0.2, precision: 0.5 }, { automation: 0.0, precision: 0.0 }]) {
          const args = [
            ...(min.automation !== undefined ? ["--min-automation", String(min.automation)] : []),
            ...(min.precision !== undefined ? ["--min-precision", String(min.precision)] : []),
          ];
          const reference = await scoreWithScoreMjs(cases, results, args);
          const ours = scoreReport(cases, results);
          expect(scoreOutput(ours, min), `${set.name} ${args.join(" ")}`).toBe(reference.stdout.trimEnd());
          expect(scorePasses(ours, min) ? 0 : 1).toBe(reference.code);
        }
      }
    },
  );

  it(
    "agrees with score.mjs on a perfect report (every auto case right, nothing risky sent)",
    { timeout: 30_000 },
    async () => {
      const [set] = await findEvalSets(SHARED_EVAL_DIR);
      const cases = await readJsonLines(set!.casesFile, ScoredCase);
      const results = cases.map((c) => {
        const auto = [c.expect.route].flat().includes("auto");
        return {
          id: c.id,
          route: auto ? "auto" : [c.expect.route].flat()[0]!,
          sources: c.expect.sources ?? [],
          answer: (c.expect.facts ?? []).map((f) => [f].flat().at(-1)).join("; "),
        };
      });
      const reference = await scoreWithScoreMjs(cases, results, ["--min-precision", "1"]);
      const ours = scoreReport(cases, results);
      expect(ours.summary.autoPrecision).toBe(1);
      expect(scoreOutput(ours, { precision: 1 })).toBe(reference.stdout.trimEnd());
      expect(reference.code).toBe(0);
    },
  );
});
