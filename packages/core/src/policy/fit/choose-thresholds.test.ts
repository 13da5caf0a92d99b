import { describe, expect, it } from "vitest";
import { chooseAutoThreshold, chooseReviewThreshold } from "./choose-thresholds";

const sample = (p: number, right: boolean) => ({ p, right });

describe("chooseAutoThreshold", () => {
  it("goes as low as the target precision allows", () => {
    const samples = [
      sample(0.95, true),
      sample(0.9, true),
      sample(0.8, true),
      sample(0.7, false),
      sample(0.6, true),
      sample(0.5, false),
    ];
    expect(chooseAutoThreshold(samples, 1)).toBe(0.8);
    // 4 right of 5 sent at 0.6 is 0.8 precision; at 0.5 it is 4 of 6.
    expect(chooseAutoThreshold(samples, 0.8)).toBe(0.6);
  });

  it("judges tied probabilities together, since a threshold sends all of them or none", () => {
    const samples = [sample(0.9, true), sample(0.7, true), sample(0.7, false), sample(0.7, true)];
    expect(chooseAutoThreshold(samples, 0.98)).toBe(0.9);
  });

  it("reaches the target precision in every stratum, not only on average", () => {
    const a = (p: number, right: boolean) => ({ p, right, stratum: "a" });
    const b = (p: number, right: boolean) => ({ p, right, stratum: "b" });
    const samples = [a(0.9, true), a(0.8, true), a(0.7, true), a(0.6, true), b(0.85, true), b(0.65, false)];
    // Pooled, 5 right of 6 at 0.6 reaches 0.8; stratum b alone is 1 of 2 there, so 0.7 is the lowest.
    expect(chooseAutoThreshold(samples, 0.8)).toBe(0.7);
    expect(
      chooseAutoThreshold(
        samples.map(({ p, right }) => ({ p, right })),
        0.8,
      ),
    ).toBe(0.6);
  });

  it("sends nothing (threshold 1) when no threshold reaches the target", () => {
    expect(chooseAutoThreshold([sample(0.9, false), sample(0.4, true)], 0.98)).toBe(1);
    expect(chooseAutoThreshold([], 0.98)).toBe(1);
  });
});

describe("chooseReviewThreshold", () => {
  it("keeps the share of right drafts asked for at or above it", () => {
    const right = Array.from({ length: 20 }, (_, i) => sample((i + 1) / 100, true));
    // 95% of 20 right drafts: the lowest one may fall below.
    expect(chooseReviewThreshold([...right, sample(0.001, false)], 0.9)).toBe(0.02);
  });

  it("stays below the auto threshold and above zero", () => {
    expect(chooseReviewThreshold([sample(0.9, true)], 0.5)).toBe(0.499);
    expect(chooseReviewThreshold([], 0.5)).toBe(0);
  });
});
