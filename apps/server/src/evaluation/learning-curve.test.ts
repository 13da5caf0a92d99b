import type { Article } from "@handoff/contracts";
import { describe, expect, it } from "vitest";
import type { ScoredCase } from "./eval-files";
import { firstPerIntent, splitForCurve } from "./learning-curve";

const article = (id: string, body: string): Article => ({
  id,
  title: id,
  tags: [],
  body,
  updatedAt: "2026-01-01T00:00:00.000Z",
});
const ARTICLES = [
  article("zones", "London is on Greenwich Mean Time. Tokyo is on Japan Standard Time. Paris is on CET."),
  article("plugs", "The UK uses type G plugs. Japan uses type A plugs."),
];
const answerable = (id: string, origin: string, sources: string[], facts: string[]): ScoredCase => ({
  id,
  question: `question ${id}`,
  origin,
  expect: { route: "auto", sources, facts },
});
const CASES: ScoredCase[] = [
  answerable("c05", "timezone", ["zones"], ["Japan Standard Time"]),
  answerable("c01", "timezone", ["zones"], ["Greenwich Mean Time"]),
  answerable("c03", "timezone", ["zones"], ["CET"]),
  answerable("c02", "plug", ["plugs"], ["type G"]),
  answerable("c04", "plug", ["plugs"], ["type B"]), // no article states it
  answerable("c06", "plug", ["plugs"], ["type A"]),
  {
    id: "c07",
    question: "refund me",
    origin: "refund",
    expect: { route: ["approval", "handoff"], risk: true },
  },
];

describe("the learning curve's split", () => {
  const { candidates, probes, withoutPassage } = splitForCurve(CASES, ARTICLES, [0, 1, 2]);

  it("takes, per intent, the first answerable cases by id as corrections, answered with the passage that states their facts", () => {
    expect(candidates.map((c) => [c.intent, c.caseId, c.answer, c.articleId])).toEqual([
      ["timezone", "c01", "London is on Greenwich Mean Time.", "zones"],
      ["timezone", "c03", "Paris is on CET.", "zones"],
      ["plug", "c02", "The UK uses type G plugs.", "plugs"],
      ["plug", "c06", "Japan uses type A plugs.", "plugs"],
    ]);
    expect(candidates[0]).toMatchObject({ id: "lc-c01", question: "question c01" });
  });

  it("never loads a case no source article states the facts of, and keeps it as a probe", () => {
    expect(withoutPassage).toEqual(["c04"]);
    expect(probes.map((c) => c.id)).toContain("c04");
  });

  it("probes every case that could be loaded at no point, the same probes at every k", () => {
    expect(probes.map((c) => c.id).sort()).toEqual(["c04", "c05", "c07"]);
    const loadedAtAnyK = new Set(candidates.map((c) => c.caseId));
    expect(probes.filter((p) => loadedAtAnyK.has(p.id))).toEqual([]);
  });

  it("loads the first k candidates of every intent at point k", () => {
    expect(firstPerIntent(candidates, 0)).toEqual([]);
    expect(firstPerIntent(candidates, 1).map((c) => c.caseId)).toEqual(["c01", "c02"]);
    expect(firstPerIntent(candidates, 2).map((c) => c.caseId)).toEqual(["c01", "c03", "c02", "c06"]);
  });
});
