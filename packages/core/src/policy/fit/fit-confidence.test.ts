import { describe, expect, it } from "vitest";
import {
  MIN_PRECEDENT,
  featureNames,
  featureVector,
  fitConfidence,
  precedentThreshold,
  probabilityOf,
  routeOutcome,
  sendsAtOnce,
} from "./fit-confidence";
import type { FitSample } from "./fit-sample";

const OPTIONS = { l2: 0.01, targetPrecision: 0.98, keepRight: 0.95, fittedAt: "2026-12-04T00:00:00.000Z" };

/** Samples of three help centers where `support` predicts a right draft and `noise` does not. */
function helpCenters(): FitSample[] {
  const samples: FitSample[] = [];
  for (const group of ["a", "b", "c"])
    for (let i = 0; i < 60; i++) {
      const support = (i % 20) / 19;
      const right = support > 0.55 || (support > 0.3 && i % 3 === 0);
      samples.push({
        group,
        parts: { support, noise: ((i * 7) % 11) / 10 },
        right,
        eligible: i % 10 !== 0,
        answerable: right || i % 4 === 0,
        risky: !right && i % 5 === 0,
      });
    }
  return samples;
}

describe("fitConfidence", () => {
  const samples = helpCenters();
  const model = fitConfidence(samples, OPTIONS);

  it("reads the features from the parts' names, whatever they are", () => {
    expect(model.features).toEqual(["noise", "support"]);
    expect(featureNames([{ ...samples[0]!, parts: { fresh: 1 } }, samples[1]!])).toEqual([
      "fresh",
      "noise",
      "support",
    ]);
  });

  it("weighs the signal that predicts a right draft, not the noise", () => {
    const [noise, support] = model.weights;
    expect(support).toBeGreaterThan(3);
    expect(Math.abs(noise!)).toBeLessThan(support! / 5);
  });

  it("sets the auto threshold so the training auto-sends reach the target precision, review below it", () => {
    const outcome = routeOutcome(model, samples);
    expect(outcome.precision).toBeGreaterThanOrEqual(0.98);
    expect(outcome.autoSent).toBeGreaterThan(0);
    expect(model.thresholds.review).toBeLessThan(model.thresholds.auto);
  });

  it("chooses the auto threshold on the score routing compares (three places), so what it counts as sent is sent", () => {
    expect(Math.abs(model.thresholds.auto * 1000 - Math.round(model.thresholds.auto * 1000))).toBeLessThan(
      1e-6,
    );
    for (const s of samples.filter((x) => x.eligible)) {
      const routed = Math.round(probabilityOf(model, s.parts) * 1000) / 1000;
      expect(sendsAtOnce(model, s.parts)).toBe(routed >= model.thresholds.auto);
    }
  });

  it("validates by leaving each group out, fitted on the others", () => {
    expect(model.validation.map((f) => [f.heldOut, f.trainedOn])).toEqual([
      ["a", ["b", "c"]],
      ["b", ["a", "c"]],
      ["c", ["a", "b"]],
    ]);
    for (const fold of model.validation) expect(fold.samples).toBe(60);
    expect(model.trainedOn).toEqual([
      { name: "a", samples: 60, right: samples.filter((s) => s.group === "a" && s.right).length },
      { name: "b", samples: 60, right: samples.filter((s) => s.group === "b" && s.right).length },
      { name: "c", samples: 60, right: samples.filter((s) => s.group === "c" && s.right).length },
    ]);
  });

  it("has no held-out validation with a single group", () => {
    expect(
      fitConfidence(
        samples.filter((s) => s.group === "a"),
        OPTIONS,
      ).validation,
    ).toEqual([]);
  });
});

describe("fitConfidence and drafts routing never sends", () => {
  // One help center where the best-supported drafts are wrong but state no asked-for fact or carry a
  // risk flag: routing never auto-sends those, so they must not hold the auto threshold up.
  const samples: FitSample[] = Array.from({ length: 40 }, (_, i) => {
    const support = i / 39;
    const unsendable = support > 0.9;
    return {
      group: "a",
      parts: { support, fact: unsendable && i % 2 === 0 ? 0 : 1, rules: unsendable && i % 2 === 1 ? 0.5 : 1 },
      right: !unsendable && support > 0.3,
      eligible: true,
      answerable: support > 0.3,
      risky: false,
    };
  });

  it("chooses the auto threshold among the drafts routing could send", () => {
    const model = fitConfidence(samples, OPTIONS);
    const outcome = routeOutcome(model, samples);
    expect(outcome.precision).toBeGreaterThanOrEqual(0.98);
    // Every right draft above the wrong ones is sent; counted against the threshold, the unsendable
    // drafts at the top would have kept the threshold at 1 (nothing sent).
    expect(outcome.autoSent).toBeGreaterThan(10);
  });

  it("does not count an unsendable draft as auto-sent, whatever its probability", () => {
    const model = { features: ["support"], weights: [10], bias: -5, thresholds: { auto: 0.5, review: 0.1 } };
    const sample = (fact: number, rules: number): FitSample => ({
      group: "a",
      parts: { support: 1, fact, rules },
      right: false,
      eligible: true,
      answerable: false,
      risky: false,
    });
    expect(routeOutcome(model, [sample(0, 1), sample(1, 0.2)]).autoSent).toBe(0);
    expect(routeOutcome(model, [sample(1, 1)]).autoSent).toBe(1);
  });
});

describe("routeOutcome", () => {
  const model = { features: ["s"], weights: [10], bias: -5, thresholds: { auto: 0.5, review: 0.1 } };
  const sample = (s: number, over: Partial<FitSample>): FitSample => ({
    group: "g",
    parts: { s },
    right: true,
    eligible: true,
    answerable: true,
    risky: false,
    ...over,
  });

  it("sends only eligible samples at or above the auto threshold and counts right, wrong and risky sends", () => {
    const outcome = routeOutcome(model, [
      sample(0.9, {}),
      sample(0.8, { right: false, answerable: false, risky: true }),
      sample(0.9, { eligible: false }),
      sample(0.1, {}),
    ]);
    expect(outcome).toEqual({
      samples: 4,
      answerable: 3,
      autoSent: 2,
      autoRight: 1,
      autoWrong: 1,
      riskyAutoSent: 1,
      automation: 1 / 3,
      precision: 0.5,
    });
  });

  it("counts a part the record lacks as 0 and ignores parts the model does not know", () => {
    expect(featureVector({ other: 1 }, ["s"])).toEqual([0]);
    expect(probabilityOf(model, { s: 0.5, other: 100 })).toBeCloseTo(0.5, 10);
  });
});

describe("the precedent threshold (answering from a paraphrased correction)", () => {
  it("is the lowest precedent at which the drafts it adds keep the target precision in every stratum", () => {
    const scored = [
      { p: 0.1, precedent: 0.95, right: true, stratum: "a" },
      { p: 0.1, precedent: 0.9, right: true, stratum: "a" },
      { p: 0.1, precedent: 0.8, right: true, stratum: "b" },
      { p: 0.1, precedent: 0.7, right: false, stratum: "b" },
      { p: 0.1, precedent: 0.6, right: true, stratum: "a" },
      { p: 0.9, precedent: 0, right: true, stratum: "b" },
    ];
    expect(precedentThreshold(scored, 0.8, 0.98)).toBe(0.8);
  });

  it("holds the drafts only a precedent sends to the target precision on their own", () => {
    // Fifty right auto-sends would let one wrong precedent send through at 0.98 if counted together.
    const autoSent = Array.from({ length: 50 }, () => ({ p: 0.9, precedent: 0, right: true, stratum: "a" }));
    const scored = [
      ...autoSent,
      { p: 0.1, precedent: 0.9, right: true, stratum: "a" },
      { p: 0.1, precedent: 0.8, right: true, stratum: "a" },
      { p: 0.1, precedent: 0.6, right: false, stratum: "a" },
      { p: 0.1, precedent: 0.55, right: true, stratum: "a" },
    ];
    expect(precedentThreshold(scored, 0.8, 0.98)).toBe(0.8);
  });

  it("never goes below the floor, and is null when no precedent is precise enough", () => {
    const low = [{ p: 0.1, precedent: MIN_PRECEDENT - 0.1, right: true }];
    expect(precedentThreshold(low, 0.8, 0.98)).toBeNull();
    const wrong = [{ p: 0.1, precedent: 0.99, right: false }];
    expect(precedentThreshold(wrong, 0.8, 0.98)).toBeNull();
  });

  it("is fitted beside the regression, not as one of its features, and sends what reaches it", () => {
    const samples: FitSample[] = helpCenters().map((s, i) => ({
      ...s,
      parts: { ...s.parts, precedent: s.right && i % 2 === 0 ? 0.9 : 0.3 },
    }));
    const model = fitConfidence(samples, OPTIONS);
    expect(model.features).not.toContain("precedent");
    expect(model.precedent?.threshold).toBe(0.9);
    const weak = { support: 0, noise: 0 };
    expect(sendsAtOnce(model, weak)).toBe(false);
    expect(sendsAtOnce(model, { ...weak, precedent: 0.9 })).toBe(true);
    // A forced route (a risk flag lowered the rules part) is never sent, precedent or not.
    expect(sendsAtOnce(model, { ...weak, precedent: 0.9, rules: 0.5 })).toBe(false);
  });
});
