import { LatencyRecorder } from "../stats/latency-recorder";
import type { Route } from "@handoff/contracts";

const row = () => ({ auto: 0, approval: 0, handoff: 0, none: 0 });

/** Counts of observed routes for each expected route. */
export type RouteMatrix = Record<Route, Record<Route | "none", number>>;

/** Everything the load phase measures; latencies count only questions sent inside the measured window. */
export class LoadStats {
  readonly botReply = new LatencyRecorder();
  readonly reviewVisible = new LatencyRecorder();
  readonly approvalToCustomer = new LatencyRecorder();
  readonly handoffVisible = new LatencyRecorder();
  readonly agentReplyToCustomer = new LatencyRecorder();
  readonly messageAck = new LatencyRecorder();
  /** Expected route -> observed route ("none": the question never got anywhere). */
  readonly routes: RouteMatrix = { auto: row(), approval: row(), handoff: row() };
  /** Whether a question sent now falls inside the measured window. */
  measuring = false;
  /** Questions sent, and completed, inside the measured window (the throughput figures). */
  sentMeasured = 0;
  completedMeasured = 0;
  skippedTicks = 0;
  private readonly errors = new Map<string, number>();
  private readonly samples: string[] = [];

  /** Counts an error of any phase (warm-up and drain included: an error is never acceptable). */
  error(kind: string, detail = ""): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.samples.length < 10) this.samples.push(`${kind}${detail ? `: ${detail}` : ""}`);
  }

  errorSummary() {
    return {
      total: [...this.errors.values()].reduce((a, b) => a + b, 0),
      byKind: Object.fromEntries(this.errors),
      samples: [...this.samples],
    };
  }
}
