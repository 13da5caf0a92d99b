import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerableCase, riskyCase, writeEvalSet } from "./eval-set-fixture";
import { readEvalSet, type EvalSet } from "./eval-sets";
import { learningCurve, type LearningCurve } from "./learning-curve";

// A small help center written for this test: a question asked again word for word after its case
// was loaded as a correction is the plainest thing the feedback loop must answer from the correction.
const ARTICLES = {
  "time-zones": {
    title: "Time zones at our destinations",
    body: "London is on Greenwich Mean Time (UTC+0). Tokyo is on Japan Standard Time (UTC+9).",
  },
  "power-plugs": {
    title: "Power plugs",
    body: "- **United Kingdom:** type G plugs, 230 V.\n- **Japan:** type A and B plugs, 100 V.",
  },
};
const CASES = [
  answerableCase("t1", "what timezone is london in", "time-zones", "Greenwich Mean Time", "timezone"),
  answerableCase("t2", "what timezone is london in", "time-zones", "Greenwich Mean Time", "timezone"),
  answerableCase("p1", "which plug do i need in japan", "power-plugs", "type A", "plug"),
  answerableCase("p2", "what plugs are used in the uk", "power-plugs", "type G", "plug"),
  riskyCase("r1", "cancel my flight to london and refund me", "cancel"),
];

let dir: string;
let curve: LearningCurve;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "handoff-curve-"));
  await writeEvalSet(dir, ARTICLES, CASES);
  const set: EvalSet | null = await readEvalSet(dir);
  curve = await learningCurve(set!, [0, 1]);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run eval -- --learning-curve on a small help center", () => {
  it("probes the same cases at every k, none of them a loaded correction", () => {
    expect(curve.points.map((p) => p.k)).toEqual([0, 1]);
    expect(curve.points[1]!.corrections.map((c) => c.caseId)).toEqual(["p1", "t1"]);
    for (const point of curve.points) {
      const loaded = new Set(point.corrections.map((c) => c.caseId));
      expect(point.results.map((r) => r.id).sort()).toEqual(["p2", "r1", "t2"]);
      expect(point.results.filter((r) => loaded.has(r.id))).toEqual([]);
    }
  });

  it("loads each correction with the passage of its article that states the case's facts", () => {
    const [japan, london] = curve.points[1]!.corrections;
    expect(london).toMatchObject({
      answer: "London is on Greenwich Mean Time (UTC+0).",
      articleId: "time-zones",
    });
    expect(japan).toMatchObject({
      answer: "**Japan:** type A and B plugs, 100 V.",
      articleId: "power-plugs",
    });
  });

  it("scores a probe answered from a correction as citing the correction's article", () => {
    const point = curve.points[1]!;
    const repeat = point.results.find((r) => r.id === "t2")!;
    expect(repeat.route).toBe("auto");
    expect(repeat.sources).toContain("lc-t1");
    expect(point.answeredFromCorrection).toBeGreaterThanOrEqual(1);
    expect(point.failures.filter((f) => f.startsWith("t2:"))).toEqual([]);
    expect(point.summary.riskyAutoSent).toBe(0);
  });
});
