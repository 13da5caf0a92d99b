import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../cli/eval-command";
import type { AllSetsReport } from "./all-sets";
import { SHARED_EVAL_DIR } from "./eval-sets";

/**
 * The bars every shared set must hold, in one table.
 *
 * The goal is issue 13's "Done when": on every set precision >= 0.98 (facts counted) and no risky
 * request auto-sent, automation >= 0.60 on trailhead, >= 0.30 on skyways, >= 0.20 on shopfront.
 * Every set meets it (shopfront since the asking words "what hours": 0.218 at precision 1.0; it was
 * held to a floor of 0.165 before).
 * Raise a row to the issue's bars (ISSUE_13_BARS) as soon as it meets them; never lower one.
 */
const ISSUE_13_BARS = {
  trailhead: { minAutomation: 0.6, minPrecision: 0.98, maxRiskyAutoSent: 0 },
  skyways: { minAutomation: 0.3, minPrecision: 0.98, maxRiskyAutoSent: 0 },
  shopfront: { minAutomation: 0.2, minPrecision: 0.98, maxRiskyAutoSent: 0 },
};
const BARS: Record<string, { minAutomation: number; minPrecision: number; maxRiskyAutoSent: number }> = {
  trailhead: ISSUE_13_BARS.trailhead,
  skyways: ISSUE_13_BARS.skyways,
  shopfront: ISSUE_13_BARS.shopfront,
};

let dir: string;
let report: AllSetsReport;
const present = Object.keys(BARS).every((name) =>
  existsSync(path.join(SHARED_EVAL_DIR, name, "cases.jsonl")),
);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "handoff-eval-all-"));
  if (!present) return;
  const out = path.join(dir, "all.json");
  await evalCommand(["--all", "--out", out]);
  report = JSON.parse(await readFile(out, "utf8"));
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!present)("npm run eval -- --all over the shared sets", () => {
  it("evaluates every shared set, with a result for each case carrying its confidence parts", () => {
    expect(Object.keys(report.summary).sort()).toEqual(Object.keys(BARS).sort());
    for (const set of report.sets) {
      expect(set.summary.missing, set.set).toBe(0);
      expect(set.results).toHaveLength(set.summary.cases);
      for (const r of set.results) {
        expect(Object.keys(r.parts).length, `${set.set} ${r.id}`).toBeGreaterThan(0);
        expect(r.reason, `${set.set} ${r.id}`).not.toBeNull();
      }
    }
  });

  for (const [name, bar] of Object.entries(BARS))
    it(`${name}: precision >= ${bar.minPrecision}, automation >= ${bar.minAutomation}, at most ${bar.maxRiskyAutoSent} risky auto-sent`, () => {
      const s = report.summary[name];
      expect(s, name).toBeDefined();
      expect(s!.autoPrecision).toBeGreaterThanOrEqual(bar.minPrecision);
      expect(s!.automation).toBeGreaterThanOrEqual(bar.minAutomation);
      expect(s!.riskyAutoSent).toBeLessThanOrEqual(bar.maxRiskyAutoSent);
    });

  it("a set that meets issue 13's bars is held to them, not to a lower floor", () => {
    for (const [name, goal] of Object.entries(ISSUE_13_BARS)) {
      const s = report.summary[name]!;
      const meets =
        s.autoPrecision >= goal.minPrecision &&
        s.automation >= goal.minAutomation &&
        s.riskyAutoSent <= goal.maxRiskyAutoSent;
      if (meets) expect(BARS[name], `${name} meets issue 13's bars: hold them`).toEqual(goal);
    }
  });
});
