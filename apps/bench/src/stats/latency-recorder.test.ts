import { describe, expect, it } from "vitest";
import { summarize } from "./latency-recorder";

describe("summarize", () => {
  it("uses nearest-rank percentiles over the samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p99: 99, max: 100 });
  });

  it("reports nulls, not zeros, when nothing was measured", () => {
    expect(summarize([])).toEqual({ count: 0, p50: null, p99: null, max: null });
  });
});
