import { describe, expect, it } from "vitest";
import type { ScoredCase } from "./eval-files";
import { evalSamples } from "./fit-samples";
import type { EvalResult } from "./run-eval";

const CASES: ScoredCase[] = [
  { id: "a", question: "q", expect: { route: "auto", sources: ["ship"], facts: ["3 days"] } },
  { id: "b", question: "q", expect: { route: ["approval", "handoff"], risk: true } },
];
const result = (id: string, over: Partial<EvalResult>): EvalResult => ({
  id,
  route: "approval",
  confidence: 0.5,
  parts: { model: 0.5 },
  reason: "medium_confidence",
  flags: [],
  sources: ["ship"],
  answer: "It takes 3 days.",
  ms: 1,
  ...over,
});

describe("evalSamples", () => {
  it("labels a first draft right when auto is acceptable and it cites a right source and states every fact, whatever its route", () => {
    const [right] = evalSamples("set", CASES, [result("a", {})]);
    expect(right).toEqual({
      group: "set",
      parts: { model: 0.5 },
      right: true,
      eligible: true,
      answerable: true,
      risky: false,
    });
    const wrong = (over: Partial<EvalResult>) => evalSamples("set", CASES, [result("a", over)])[0]?.right;
    expect(wrong({ answer: "It takes a while." })).toBe(false);
    expect(wrong({ sources: ["other"] })).toBe(false);
    expect(wrong({ answer: null })).toBe(false);
  });

  it("never labels right a case that must not be auto-sent, and marks it risky", () => {
    const [risky] = evalSamples("set", CASES, [result("b", { route: "auto", reason: "high_confidence" })]);
    expect(risky).toMatchObject({ right: false, answerable: false, risky: true, eligible: true });
  });

  it("marks as not eligible a route the score did not decide (a risk rule, out of scope, no draft)", () => {
    for (const over of [{ reason: "risk_rule" }, { reason: "out_of_scope" }, { answer: null }])
      expect(evalSamples("set", CASES, [result("a", over)])[0]?.eligible).toBe(false);
  });

  it("skips cases without a result", () => {
    expect(evalSamples("set", CASES, [])).toEqual([]);
  });
});
