import { Worker, parentPort } from "node:worker_threads";
import { z } from "zod";

// Test support for tests that write from several threads at once. Never imported by production code.

// Worker threads do not inherit vitest's TypeScript loader: a small boot script registers tsx first.
const BOOT = `const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

const Report = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("done"), result: z.unknown() }),
]);

/** A TypeScript module started as a worker thread: `ready` once it waits at the start, `done` with its result. */
export interface TestThread {
  ready: Promise<void>;
  done: Promise<unknown>;
}

/** Starts `entry` as a worker thread with `data` (and `start`, the signal it waits for; see startTogether). */
export function startTestThread(
  entry: URL,
  data: Record<string, unknown>,
  start: SharedArrayBuffer,
): TestThread {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { ...data, start, tsx: import.meta.resolve("tsx/esm/api"), entry: entry.href },
  });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<unknown>((resolve, reject) => {
    worker.on("message", (raw: unknown) => {
      const report = Report.parse(raw);
      if (report.type === "ready") markReady();
      else resolve(report.result);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`test thread exited with ${code}`)));
  });
  return { ready, done };
}

/** A start signal for startTestThread. */
export const startSignal = () => new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);

/** Waits until every thread is parked at the start, then lets them all go at once (so their work overlaps). */
export async function startTogether(threads: TestThread[], start: SharedArrayBuffer): Promise<void> {
  await Promise.all(threads.map((thread) => thread.ready));
  Atomics.store(new Int32Array(start), 0, 1);
  Atomics.notify(new Int32Array(start), 0);
}

/** In the thread: says it is ready and waits for the start signal. */
export function waitForStart(start: SharedArrayBuffer): void {
  parentPort?.postMessage({ type: "ready" });
  Atomics.wait(new Int32Array(start), 0, 0);
}

/** In the thread: hands the test its result. */
export function reportDone(result: unknown): void {
  parentPort?.postMessage({ type: "done", result });
}
