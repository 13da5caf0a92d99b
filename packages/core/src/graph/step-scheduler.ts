import { AsyncLocalStorage } from "node:async_hooks";

/** How soon a job's steps run: a person waiting on a decision goes before the bot's queued answers. */
export type StepPriority = "urgent" | "normal";

interface Rank {
  urgent: boolean;
  seq: number;
}

interface Waiter extends Rank {
  go(): void;
}

const before = (a: Rank, b: Rank) => (a.urgent !== b.urgent ? a.urgent : a.seq < b.seq);

/**
 * Orders graph steps across the runs a thread has in flight. Each step waits its turn, one turn per
 * event-loop iteration, and the turn goes to the most urgent, then oldest, job. Without it, runs that
 * never wait on I/O (offline model, SQLite) run whole within one iteration, so an approval posted to a
 * busy thread waited behind every queued run; and runs that yield in turn stretch one another's latency.
 * Runs that wait on I/O (a remote model, MongoDB) still overlap: only ready steps queue here.
 */
export class StepScheduler {
  private readonly job = new AsyncLocalStorage<Rank>();
  private readonly waiting: Waiter[] = [];
  private dispatching = false;
  private nextSeq = 0;

  /** Runs `task` as one job; its steps take turns by `priority`, then by when the job arrived. */
  run<T>(priority: StepPriority, task: () => Promise<T>): Promise<T> {
    const rank: Rank = { urgent: priority === "urgent", seq: this.nextSeq++ };
    return this.job.run(rank, async () => {
      await this.turn();
      return task();
    });
  }

  /** Resolves when it is this job's turn to take its next step (at once outside any job). */
  turn(): Promise<void> {
    const rank = this.job.getStore();
    if (!rank) return Promise.resolve();
    return new Promise<void>((go) => {
      const waiter = { ...rank, go };
      const at = this.waiting.findIndex((w) => before(waiter, w));
      this.waiting.splice(at === -1 ? this.waiting.length : at, 0, waiter);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    // A macrotask, not a microtask: between turns the thread takes in new messages and I/O.
    setImmediate(() => {
      this.dispatching = false;
      this.waiting.shift()?.go();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
