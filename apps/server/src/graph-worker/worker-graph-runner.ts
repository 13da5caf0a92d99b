import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { DomainError, type GraphJob, type GraphRunner, type Notifier } from "@handoff/core";
import { releaseWriteGateHeldBy } from "@handoff/store";
import type { Logger } from "../app/logger";
import { replayEvent } from "./notifier-events";
import type { WorkerConfig } from "./worker-config";
import { FromWorker, type JobError, type ToWorker } from "./worker-messages";

const THREAD_MODULE = new URL("./graph-worker-thread.ts", import.meta.url).href;
// The compiled server (see build.ts) has the thread's entry bundled as JavaScript beside this module.
const COMPILED_THREAD = import.meta.url.endsWith(".js")
  ? new URL("./graph-worker-thread.js", import.meta.url)
  : null;
// Worker threads do not inherit tsx's loader, so from source a small CommonJS boot script registers it first.
const BOOT = `const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;
const CLOSE_TIMEOUT_MS = 10_000;
const RESTART_DELAY_MS = 500;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

/** Options of the runner: what the worker builds from, and where its notifications and restarts go. */
export interface WorkerGraphRunnerOptions {
  config: WorkerConfig;
  notifier: Notifier;
  logger: Logger;
  /** Called when a worker that died has been replaced (to pick up the runs it left unfinished). */
  onRestart(): void;
}

/**
 * Runs graph jobs in a worker thread, so drafting, routing and checkpoints use another core while the
 * main thread serves sockets and REST. Jobs keep their order per conversation because the caller's
 * queue sends them one at a time. If the worker dies, its jobs fail, a new one starts, and `onRestart`
 * lets recovery answer what was left.
 */
export class WorkerGraphRunner implements GraphRunner {
  private worker: Worker;
  private ready: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  /** False between a worker's exit and its replacement's start. */
  private running = false;
  /** True once the current worker said it is ready. */
  private accepting = false;
  /** Resolves when a worker of this runner has loaded its message-reading libraries (see warm). */
  private readonly warmed: Promise<void>;
  private markWarm: () => void = () => undefined;

  private constructor(private readonly options: WorkerGraphRunnerOptions) {
    this.warmed = new Promise<void>((resolve) => {
      this.markWarm = resolve;
    });
    ({ worker: this.worker, ready: this.ready } = this.spawn());
  }

  /** Starts the worker and resolves once it has opened the store and loaded the index. */
  static async start(options: WorkerGraphRunnerOptions): Promise<WorkerGraphRunner> {
    const runner = new WorkerGraphRunner(options);
    await runner.ready;
    return runner;
  }

  /**
   * Resolves once a worker of this runner has loaded what it reads messages with (it takes jobs before
   * that, but its first answers wait for the load); a replacement of a worker that died says it too.
   */
  warm(): Promise<void> {
    return this.warmed;
  }

  async execute(job: GraphJob): Promise<void> {
    // Posted within the caller's tick when the worker is up, so the caller's next steps overlap the job.
    if (!this.accepting) await this.ready;
    if (this.closing) throw new Error("the graph worker is shutting down");
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "job", id, job });
    });
  }

  /** Jobs sent to this worker and not yet finished. */
  jobsInHand(): number {
    return this.pending.size;
  }

  /** Tells the worker that settings or the knowledge index changed (here or on another instance). */
  refresh(change: "settings" | "knowledge"): void {
    this.post({ type: change === "settings" ? "settings-changed" : "knowledge-changed" });
  }

  /** Whether a worker thread is up (false while a dead one waits to be replaced, and after close). */
  isRunning(): boolean {
    return this.running;
  }

  /** Stops the worker thread abruptly, as a crash would: its runs fail and a new worker takes over. */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  /** Lets the worker close its store and stop; call once no more jobs are coming. */
  async close(): Promise<void> {
    this.closing = true;
    // Stopping while a dead worker waits to be replaced: there is nothing left to close.
    if (!this.running) return;
    const worker = this.worker;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    this.post({ type: "close" });
    const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): { worker: Worker; ready: Promise<void> } {
    const worker = COMPILED_THREAD
      ? new Worker(COMPILED_THREAD, { workerData: this.options.config })
      : new Worker(BOOT, {
          eval: true,
          workerData: {
            ...this.options.config,
            tsx: import.meta.resolve("tsx/esm/api"),
            entry: THREAD_MODULE,
          },
        });
    const ready = new Promise<void>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the graph worker exited with ${code} while starting`));
      worker.once("exit", onExit);
      worker.once("error", reject);
      const onMessage = (raw: unknown) => {
        if (FromWorker.safeParse(raw).data?.type !== "ready") return;
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        worker.off("error", reject);
        this.accepting = worker === this.worker;
        resolve();
      };
      worker.on("message", onMessage);
    });
    worker.on("message", (raw: unknown) => this.receive(raw));
    worker.on("error", (err) => this.options.logger.error({ err }, "the graph worker failed"));
    // Read now: a worker that has exited reports -1.
    const threadId = worker.threadId;
    worker.on("exit", (code) => {
      // A worker stopped mid-write (terminate) never lets go of the write gate itself.
      const { writeGate } = this.options.config;
      if (writeGate && releaseWriteGateHeldBy(writeGate, threadId))
        this.options.logger.warn(
          { threadId },
          "a graph worker stopped while writing; its write gate was freed",
        );
      this.exited(worker, code);
    });
    this.running = true;
    return { worker, ready };
  }

  private receive(raw: unknown): void {
    const parsed = FromWorker.safeParse(raw);
    if (!parsed.success) {
      this.options.logger.error({ err: parsed.error }, "unexpected message from the graph worker");
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case "ready":
        return;
      case "warm":
        return this.markWarm();
      case "notify":
        return replayEvent(this.options.notifier, message.event);
      case "done":
        return this.settle(message.id, null);
      case "failed":
        return this.settle(message.id, toError(message.error));
      case "error":
        return this.options.logger.error({ detail: message.message }, "graph worker error");
    }
  }

  private settle(id: number, error: Error | null): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    if (error) job.reject(error);
    else job.resolve();
  }

  private exited(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    this.running = false;
    this.accepting = false;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.reject(new Error(`the graph worker stopped (exit code ${code}) before finishing this run`));
    }
    if (this.closing) return;
    this.options.logger.error({ code }, "the graph worker stopped; starting a new one");
    // Set at once, so a job sent before the replacement is up waits for it rather than going to the dead one.
    this.ready = this.respawnAfter(RESTART_DELAY_MS);
    this.ready.then(
      () => this.options.onRestart(),
      (err: unknown) => {
        if (!this.closing) this.options.logger.error({ err }, "the graph worker could not be restarted");
      },
    );
  }

  private async respawnAfter(delayMs: number): Promise<void> {
    await sleep(delayMs);
    if (this.closing) throw new Error("the graph worker is shutting down");
    const next = this.spawn();
    this.worker = next.worker;
    await next.ready;
  }
}

function toError(error: JobError): Error {
  if (error.code) return new DomainError(error.code, error.message);
  const raised = new Error(error.message);
  raised.name = error.name;
  return raised;
}
