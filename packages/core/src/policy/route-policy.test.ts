import { describe, expect, it } from "vitest";
import type { Confidence, RiskFlag } from "@handoff/contracts";
import { decideRoute, mayAutoSend } from "./route-policy";

const thresholds = { auto: 0.7, review: 0.4 };
function confidence(score: number): Confidence {
  return { score, parts: { model: score, retrieval: score, margin: score, coverage: score, rules: 1 } };
}
const flag = (category: RiskFlag["category"], forces: RiskFlag["forces"]): RiskFlag => ({
  category,
  forces,
  evidence: "x",
});

describe("decideRoute", () => {
  it("sends a confident answer, asks for approval when unsure and hands over when lost", () => {
    const route = (score: number) =>
      decideRoute({ confidence: confidence(score), flags: [], outOfScope: false, thresholds });
    expect(route(0.7)).toEqual({ route: "auto", reason: "high_confidence" });
    expect(route(0.69)).toEqual({ route: "approval", reason: "medium_confidence" });
    expect(route(0.4)).toEqual({ route: "approval", reason: "medium_confidence" });
    expect(route(0.39)).toEqual({ route: "handoff", reason: "low_confidence" });
  });

  it("a risky request needs approval however confident the answer", () => {
    expect(
      decideRoute({
        confidence: confidence(0.99),
        flags: [flag("money_movement", "approval")],
        outOfScope: false,
        thresholds,
      }),
    ).toEqual({ route: "approval", reason: "risk_rule" });
  });

  it("a handoff rule beats an approval rule and any confidence", () => {
    const flags = [flag("money_movement", "approval"), flag("legal", "handoff")];
    expect(decideRoute({ confidence: confidence(0.99), flags, outOfScope: false, thresholds })).toEqual({
      route: "handoff",
      reason: "risk_rule",
    });
  });

  it("a customer asking for a person is handed over for that reason", () => {
    expect(
      decideRoute({
        confidence: confidence(0.9),
        flags: [flag("human_request", "handoff")],
        outOfScope: false,
        thresholds,
      }),
    ).toEqual({ route: "handoff", reason: "human_request" });
  });

  it("an out-of-scope question goes to a person even with a high score", () => {
    expect(decideRoute({ confidence: confidence(0.95), flags: [], outOfScope: true, thresholds })).toEqual({
      route: "handoff",
      reason: "out_of_scope",
    });
  });
});

describe("decideRoute and the asked-for fact", () => {
  it("never auto-sends an answer that does not state the kind of fact asked for, however confident", () => {
    const parts = { model: 1, retrieval: 1, margin: 1, coverage: 1, rules: 1 };
    const missing = decideRoute({
      confidence: { score: 0.99, parts: { ...parts, fact: 0 } },
      flags: [],
      outOfScope: false,
      thresholds: { auto: 0.7, review: 0.4 },
    });
    expect(missing.route).toBe("approval");
    const stated = decideRoute({
      confidence: { score: 0.99, parts: { ...parts, fact: 1 } },
      flags: [],
      outOfScope: false,
      thresholds: { auto: 0.7, review: 0.4 },
    });
    expect(stated.route).toBe("auto");
  });
});

describe("mayAutoSend", () => {
  it("rules out a draft with no asked-for fact, with a risk flag or about the customer's own case", () => {
    expect(mayAutoSend({ model: 0.9, rules: 1, fact: 1 })).toBe(true);
    expect(mayAutoSend({ model: 0.9, rules: 1, fact: 1, general: 1 })).toBe(true);
    expect(mayAutoSend({ model: 0.9, rules: 1, fact: 1, general: 0 })).toBe(false);
    // Parts from before the fact signal existed, or from a model that does not give it.
    expect(mayAutoSend({ model: 0.9, rules: 1 })).toBe(true);
    expect(mayAutoSend({ model: 0.9, rules: 1, fact: 0 })).toBe(false);
    expect(mayAutoSend({ model: 0.9, rules: 0.5, fact: 1 })).toBe(false);
  });

  it("rules out a coin toss: a source tied with one that says something else, its passage leading none", () => {
    expect(mayAutoSend({ model: 0.95, rules: 1, fact: 1, margin: 0, lead: 0 })).toBe(false);
    // A tie between sources whose passage still leads every other passage can tell them apart.
    expect(mayAutoSend({ model: 0.95, rules: 1, fact: 1, margin: 0, lead: 0.2 })).toBe(true);
    expect(mayAutoSend({ model: 0.95, rules: 1, fact: 1, margin: 0.1, lead: 0 })).toBe(true);
    // A model that does not report how its passage leads is judged on its score.
    expect(mayAutoSend({ model: 0.95, rules: 1, fact: 1, margin: 0 })).toBe(true);
  });

  it("agrees with decideRoute: a draft it rules out is never auto-sent at any score", () => {
    const parts = { model: 1, retrieval: 1, margin: 1, coverage: 1, rules: 0.5, fact: 1 };
    const flagged = decideRoute({
      confidence: { score: 1, parts },
      flags: [flag("money_movement", "approval")],
      outOfScope: false,
      thresholds,
    });
    expect(mayAutoSend(parts)).toBe(false);
    expect(flagged.route).not.toBe("auto");
  });
});
