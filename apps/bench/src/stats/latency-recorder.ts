/** Latency summary in milliseconds (null when nothing was recorded). */
export interface LatencySummary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** Collects samples in memory (a bench run holds at most a few hundred thousand) and summarises them. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  summary(): LatencySummary {
    return summarize(this.samples);
  }
}

/** Nearest-rank percentiles: p99 is a value that was actually observed, never an interpolation. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: null, p99: null, max: null };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: round(rank(50)), p99: round(rank(99)), max: round(sorted.at(-1) ?? 0) };
}

/** Two decimals: enough for milliseconds, short in the JSON. */
export const round = (x: number) => Math.round(x * 100) / 100;
