import { readFileSync } from "node:fs";
import { round } from "../stats/latency-recorder";

/** Resident set size of a process in MB, read from /proc (Linux), or null when it cannot be read. */
export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS on an interval; a reading is cheap (one small /proc read). */
export class RssSampler {
  private readonly samples: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number) {}

  start(everyMs = 500): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): { start: number | null; p50: number | null; max: number | null; end: number | null } {
    clearInterval(this.timer);
    this.sample();
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      start: this.samples[0] ?? null,
      p50: sorted[Math.floor(sorted.length / 2)] ?? null,
      max: sorted.at(-1) ?? null,
      end: this.samples.at(-1) ?? null,
    };
  }

  private sample(): void {
    const mb = readRssMb(this.pid);
    if (mb !== null) this.samples.push(mb);
  }
}
