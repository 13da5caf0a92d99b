import { describe, expect, it } from "vitest";
import { fitLogisticRegression, predictProbability, sigmoid, solve } from "./logistic-regression";

const logit = (p: number) => Math.log(p / (1 - p));

/** Rows of one binary feature: `ones` of `total` labelled 1 where the feature is 0, and where it is 1. */
function binaryFeature(at0: { ones: number; total: number }, at1: { ones: number; total: number }) {
  const x: number[][] = [];
  const y: boolean[] = [];
  for (const [value, { ones, total }] of [
    [0, at0],
    [1, at1],
  ] as const)
    for (let i = 0; i < total; i++) {
      x.push([value]);
      y.push(i < ones);
    }
  return { x, y };
}

describe("fitLogisticRegression", () => {
  it("recovers the exact maximum-likelihood weights of a binary feature without a penalty", () => {
    const { x, y } = binaryFeature({ ones: 2, total: 10 }, { ones: 8, total: 10 });
    const fit = fitLogisticRegression(x, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.bias).toBeCloseTo(logit(0.2), 5);
    expect(fit.weights[0]).toBeCloseTo(logit(0.8) - logit(0.2), 5);
    expect(predictProbability(fit, [1])).toBeCloseTo(0.8, 5);
  });

  it("gives a feature unrelated to the label no weight, and the base rate to the bias", () => {
    const { x, y } = binaryFeature({ ones: 1, total: 4 }, { ones: 3, total: 12 });
    const fit = fitLogisticRegression(x, y, { l2: 0.01 });
    expect(fit.weights[0]).toBeCloseTo(0, 5);
    expect(sigmoid(fit.bias)).toBeCloseTo(0.25, 5);
  });

  it("stops at a point where the penalised loss is flat (its gradient is zero)", () => {
    const x = [
      [0.9, 0.1],
      [0.8, 0.4],
      [0.7, 0.9],
      [0.3, 0.2],
      [0.2, 0.8],
      [0.1, 0.5],
      [0.6, 0.6],
      [0.4, 0.3],
    ];
    const y = [true, true, false, false, true, false, true, false];
    const l2 = 0.05;
    const fit = fitLogisticRegression(x, y, { l2 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(30);
    const errors = x.map((row, i) => predictProbability(fit, row) - (y[i] ? 1 : 0));
    const mean = (f: (e: number, i: number) => number) =>
      errors.reduce((s, e, i) => s + f(e, i), 0) / x.length;
    expect(mean((e) => e)).toBeCloseTo(0, 6);
    for (const j of [0, 1]) expect(mean((e, i) => e * x[i]![j]!) + l2 * fit.weights[j]!).toBeCloseTo(0, 6);
  });

  it("keeps the weights finite on separable data because of the penalty, and larger with a smaller penalty", () => {
    const { x, y } = binaryFeature({ ones: 0, total: 5 }, { ones: 5, total: 5 });
    const strong = fitLogisticRegression(x, y, { l2: 0.1 });
    const weak = fitLogisticRegression(x, y, { l2: 0.001 });
    expect(Number.isFinite(weak.weights[0])).toBe(true);
    expect(weak.weights[0]).toBeGreaterThan(strong.weights[0]!);
    expect(strong.weights[0]).toBeGreaterThan(0);
  });

  it("refuses rows of different lengths and labels that do not match the rows", () => {
    expect(() => fitLogisticRegression([[1], [1, 2]], [true, false], { l2: 0 })).toThrow(/same number/);
    expect(() => fitLogisticRegression([[1]], [true, false], { l2: 0 })).toThrow(/one label per row/);
  });
});

describe("sigmoid", () => {
  it("is 0.5 at zero and does not overflow far from it", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });
});

describe("solve", () => {
  it("solves a linear system, pivoting past a zero on the diagonal", () => {
    const v = solve(
      [
        [0, 2, 1],
        [1, 1, 0],
        [2, 0, 3],
      ],
      [7, 3, 11],
    );
    [1, 2, 3].forEach((expected, i) => expect(v[i]).toBeCloseTo(expected, 10));
  });

  it("refuses a singular system", () => {
    expect(() =>
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(/no unique solution/);
  });
});
