import type { GraphJob, GraphRunner } from "@handoff/core";
import { WorkerGraphRunner, type WorkerGraphRunnerOptions } from "./worker-graph-runner";

/** A new worker is started once every running one has this many jobs in hand. */
const GROW_AT_JOBS = 2;

/** The pool's options: up to `size` workers, each built from the same options. */
export interface GraphWorkerPoolOptions extends WorkerGraphRunnerOptions {
  size: number;
}

/**
 * Graph workers on several cores. One worker starts with the server; more start, up to `size`, only
 * when every running one is busy (each costs its own store connection, index and NLP libraries,
 * ~100 MB, which an idle server need not pay), and then stay. A new worker takes jobs only once it
 * has loaded what it reads messages with: a cold one would hold its first answers ~0.6-0.8 s while a
 * warm one could take them (the bench's saturation phase saw bot-reply p99 of 140-300 ms at 100
 * messages/s on a fresh server from it). Each job goes to the worker with the
 * fewest jobs in hand; within a worker, a resume (a person waiting on a decision) takes its steps
 * ahead of the runs queued there. A conversation's jobs keep their order because the caller's queue
 * sends them one at a time, whichever worker takes each.
 */
export class GraphWorkerPool implements GraphRunner {
  private readonly workers: WorkerGraphRunner[];
  private growing: Promise<void> | null = null;
  private closing = false;
  private closed: () => void = () => undefined;
  private readonly whenClosing = new Promise<void>((resolve) => {
    this.closed = resolve;
  });

  private constructor(
    private readonly options: GraphWorkerPoolOptions,
    first: WorkerGraphRunner,
  ) {
    this.workers = [first];
  }

  /** Starts the first worker and resolves once it is ready. */
  static async start(options: GraphWorkerPoolOptions): Promise<GraphWorkerPool> {
    return new GraphWorkerPool(options, await WorkerGraphRunner.start(options));
  }

  execute(job: GraphJob): Promise<void> {
    const worker = this.leastBusy();
    if (worker.jobsInHand() >= GROW_AT_JOBS) this.grow();
    return worker.execute(job);
  }

  /** How many worker threads the pool has started. */
  size(): number {
    return this.workers.length;
  }

  /** Tells every worker that settings or the knowledge index changed. */
  refresh(change: "settings" | "knowledge"): void {
    for (const worker of this.workers) worker.refresh(change);
  }

  /** Whether any worker thread is up. */
  isRunning(): boolean {
    return this.workers.some((worker) => worker.isRunning());
  }

  /** Stops every worker abruptly, as a crash would: their runs fail and new workers take over. */
  async kill(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.kill()));
  }

  /** Lets every worker close its store and stop. */
  async close(): Promise<void> {
    this.closing = true;
    this.closed();
    await this.growing;
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private leastBusy(): WorkerGraphRunner {
    let best = this.workers[0];
    if (!best) throw new Error("the graph worker pool has no worker");
    for (const worker of this.workers) if (worker.jobsInHand() < best.jobsInHand()) best = worker;
    return best;
  }

  private grow(): void {
    if (this.growing || this.closing || this.workers.length >= this.options.size) return;
    this.growing = WorkerGraphRunner.start(this.options)
      .then(
        async (worker) => {
          await Promise.race([worker.warm(), this.whenClosing]);
          if (this.closing) await worker.close();
          else this.workers.push(worker);
        },
        (err: unknown) => this.options.logger.error({ err }, "another graph worker could not be started"),
      )
      .finally(() => {
        this.growing = null;
      });
  }
}
