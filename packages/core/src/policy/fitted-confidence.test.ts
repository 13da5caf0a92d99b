import { Confidence, FittedConfidence } from "@handoff/contracts";
import { describe, expect, it } from "vitest";
import { FITTED_CONFIDENCE, fittedProbability, missingFeatures } from "./fitted-confidence";

const model: FittedConfidence = {
  ...FITTED_CONFIDENCE,
  features: ["model", "retrieval"],
  weights: [2, 1],
  bias: -1,
};

describe("the fitted confidence", () => {
  it("loads the checked-in fit: one weight per feature, thresholds auto above review", () => {
    expect(FITTED_CONFIDENCE.weights).toHaveLength(FITTED_CONFIDENCE.features.length);
    expect(FITTED_CONFIDENCE.thresholds.auto).toBeGreaterThan(FITTED_CONFIDENCE.thresholds.review);
    expect(FITTED_CONFIDENCE.trainedOn.length).toBeGreaterThan(0);
  });

  it("scores a parts record by name: sigmoid(bias + weights . parts)", () => {
    expect(fittedProbability({ model: 0.5, retrieval: 1, extra: 9 }, model)).toBeCloseTo(
      1 / (1 + Math.exp(-1)),
      12,
    );
    expect(fittedProbability({ retrieval: 1 }, model)).toBeCloseTo(0.5, 12);
  });

  it("rises with every signal the fit weighs positively", () => {
    const low = Object.fromEntries(FITTED_CONFIDENCE.features.map((f) => [f, 0.2]));
    for (const [i, feature] of FITTED_CONFIDENCE.features.entries()) {
      if ((FITTED_CONFIDENCE.weights[i] ?? 0) <= 0) continue;
      expect(fittedProbability({ ...low, [feature]: 0.9 }), feature).toBeGreaterThan(fittedProbability(low));
    }
  });

  it("is fitted on the signals the confidence carries today (re-run npm run fit-confidence when they change)", () => {
    const parts = Object.fromEntries(Object.keys(Confidence.shape.parts.shape).map((k) => [k, 0.5]));
    expect(missingFeatures(parts)).toEqual([]);
    expect(missingFeatures({ model: 1 }, model)).toEqual(["retrieval"]);
  });

  it("refuses a fit whose weights do not match its features", () => {
    expect(FittedConfidence.safeParse({ ...FITTED_CONFIDENCE, weights: [1] }).success).toBe(false);
  });
});
