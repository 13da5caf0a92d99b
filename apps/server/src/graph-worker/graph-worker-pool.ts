import type { GraphJob, GraphRunner } from "@handoff/core";
import { WorkerGraphRunner, type WorkerGraphRunnerOptions } from "./worker-graph-runner";

/** A new worker is started once every running one has this many jobs in hand. */
const GROW_AT_JOBS = 2;

type Change = "settings" | "knowledge";

/** The pool's options: up to `size` workers, each built from the same options. */
export interface GraphWorkerPoolOptions extends WorkerGraphRunnerOptions {
  size: number;
  /** With no job in hand for this long the pool stops its workers; 0 keeps them up. */
  idleMs: number;
  /**
   * Whether graph work is expected although none is in hand: a draft or a live chat waiting on a person,
   * whose decision resumes a run. The pool does not stop its workers then.
   */
  workExpected?: () => Promise<boolean>;
}

/**
 * Graph workers on several cores. One worker starts with the server; more start, up to `size`, only
 * when every running one is busy (each costs its own store connection, index and NLP libraries,
 * ~70-100 MB, which an idle server need not pay). A new worker takes jobs only once it
 * has loaded what it reads messages with: a cold one would hold its first answers ~0.6-0.8 s while a
 * warm one could take them (the bench's saturation phase saw bot-reply p99 of 140-300 ms at 100
 * messages/s on a fresh server from it). Each job goes to the worker with the
 * fewest jobs in hand; within a worker, a resume (a person waiting on a decision) takes its steps
 * ahead of the runs queued there. A conversation's jobs keep their order because the caller's queue
 * sends them one at a time, whichever worker takes each.
 *
 * After `idleMs` with no job in hand and none expected (no draft or live chat waiting on a person),
 * every worker stops (an idle server with 5,000 open widgets held ~75 MB more for them). `wake` starts
 * one again ahead of work (a customer typing: the 1.1-1.4 s start is over before the question is
 * sent); a job sent while none is up waits for that start.
 */
export class GraphWorkerPool implements GraphRunner {
  private readonly workers: WorkerGraphRunner[];
  private growing: Promise<void> | null = null;
  private waking: Promise<WorkerGraphRunner> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers stopped for idleness that may still be closing their store. */
  private stopping: Promise<unknown> = Promise.resolve();
  private closing = false;
  private closed: () => void = () => undefined;
  private readonly whenClosing = new Promise<void>((resolve) => {
    this.closed = resolve;
  });
  /** Numbered settings and knowledge changes, so a worker that was starting meanwhile is told of them. */
  private changes = 0;
  private readonly lastChange: Record<Change, number> = { settings: 0, knowledge: 0 };

  private constructor(
    private readonly options: GraphWorkerPoolOptions,
    first: WorkerGraphRunner,
  ) {
    this.workers = [first];
    this.armIdleTimer();
  }

  /** Starts the first worker and resolves once it is ready. */
  static async start(options: GraphWorkerPoolOptions): Promise<GraphWorkerPool> {
    return new GraphWorkerPool(options, await WorkerGraphRunner.start(options));
  }

  execute(job: GraphJob): Promise<void> {
    this.disarmIdleTimer();
    const worker = this.leastBusy();
    if (!worker) return this.settled(this.wakeWorker().then((woken) => woken.execute(job)));
    if (worker.jobsInHand() >= GROW_AT_JOBS) this.grow();
    return this.settled(worker.execute(job));
  }

  /** Work is likely soon (a customer is typing): starts a worker if none is up, and restarts the idle clock. */
  wake(): void {
    if (this.closing) return;
    if (this.workers.length === 0) {
      this.wakeWorker().then(
        () => this.armIdleTimer(),
        (err: unknown) => this.options.logger.error({ err }, "a graph worker could not be started"),
      );
      return;
    }
    if (this.idleTimer) this.armIdleTimer();
  }

  /** How many worker threads are up (0 while the pool sleeps). */
  size(): number {
    return this.workers.length;
  }

  /** Tells every worker that settings or the knowledge index changed. */
  refresh(change: Change): void {
    this.lastChange[change] = ++this.changes;
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
    this.disarmIdleTimer();
    await Promise.all([this.growing, this.waking?.catch(() => undefined), this.stopping]);
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private leastBusy(): WorkerGraphRunner | undefined {
    let best = this.workers[0];
    for (const worker of this.workers) if (best && worker.jobsInHand() < best.jobsInHand()) best = worker;
    return best;
  }

  /** Starts a worker for a pool with none up; concurrent callers share the one start. */
  private wakeWorker(): Promise<WorkerGraphRunner> {
    if (this.closing) return Promise.reject(new Error("the graph worker is shutting down"));
    this.waking ??= this.startWorker()
      .then((worker) => {
        this.workers.push(worker);
        return worker;
      })
      .finally(() => {
        this.waking = null;
      });
    return this.waking;
  }

  /** Starts a worker and tells it of any change made while it was loading. */
  private async startWorker(): Promise<WorkerGraphRunner> {
    const seen = this.changes;
    const worker = await WorkerGraphRunner.start(this.options);
    for (const change of ["settings", "knowledge"] as const)
      if (this.lastChange[change] > seen) worker.refresh(change);
    return worker;
  }

  private grow(): void {
    if (this.growing || this.closing || this.workers.length >= this.options.size) return;
    this.growing = this.startWorker()
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

  /** Once a job settles with nothing else in hand, the idle clock starts. */
  private settled(job: Promise<void>): Promise<void> {
    return job.finally(() => {
      if (this.workers.every((worker) => worker.jobsInHand() === 0)) this.armIdleTimer();
    });
  }

  private armIdleTimer(): void {
    this.disarmIdleTimer();
    if (this.options.idleMs <= 0 || this.closing) return;
    this.idleTimer = setTimeout(() => void this.sleep(), this.options.idleMs);
    // An idle clock never keeps the process alive.
    this.idleTimer.unref();
  }

  private disarmIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Jobs in hand, a worker starting or being replaced: not idle, whatever the clock says. */
  private busy(): boolean {
    const working = this.workers.some((worker) => worker.jobsInHand() > 0 || !worker.isRunning());
    return working || this.growing !== null || this.waking !== null;
  }

  private async sleep(): Promise<void> {
    this.idleTimer = null;
    if (this.closing) return;
    // Busy again since the clock was set (a worker being replaced after a crash included: its restart
    // runs recovery): look again after another idle spell.
    if (this.busy()) return this.armIdleTimer();
    const expected = await (this.options.workExpected?.() ?? Promise.resolve(false)).catch(() => false);
    // A job may have come (and its clock been set) while the store was asked.
    if (this.closing || this.idleTimer !== null) return;
    if (expected || this.busy()) return this.armIdleTimer();
    const idle = this.workers.splice(0);
    this.options.logger.info(
      { workers: idle.length, idleMs: this.options.idleMs },
      "graph workers idle: stopping them",
    );
    const closed = idle.map((worker) =>
      worker
        .close()
        .catch((err: unknown) => this.options.logger.error({ err }, "a graph worker did not stop")),
    );
    this.stopping = Promise.all([this.stopping, ...closed]);
  }
}
