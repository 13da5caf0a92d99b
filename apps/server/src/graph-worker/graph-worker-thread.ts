/**
 * The graph worker: a thread with its own store connection, model, settings cache and search index,
 * running the graph jobs the main thread sends. Notifications go back to the main thread, which owns
 * the sockets. Started by WorkerGraphRunner; not meant to be run directly.
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  DomainError,
  InProcessGraphRunner,
  KnowledgeService,
  SettingsService,
  systemClock,
  warmUpGraphSteps,
} from "@handoff/core";
import { createModel } from "../app/create-model";
import { graphDeps } from "../app/graph-deps";
import { openStorage } from "../app/open-storage";
import { eventNotifier } from "./notifier-events";
import { WorkerConfig } from "./worker-config";
import { ToWorker, type FromWorker, type JobError } from "./worker-messages";

const port = parentPort;
if (!port) throw new Error("graph-worker-thread runs only as a worker thread");
const send = (message: FromWorker) => port.postMessage(message);

const config = WorkerConfig.parse(workerData);
const { store, checkpointer } = await openStorage(config, config.writeGate);
const knowledge = new KnowledgeService(store);
await knowledge.load();
const settings = new SettingsService(store);
const runner = new InProcessGraphRunner(
  graphDeps({
    config,
    store,
    model: createModel(config),
    knowledge,
    settings,
    notifier: eventNotifier((event) => send({ type: "notify", event })),
    clock: systemClock,
  }),
  checkpointer,
);

// The pool gives a worker it grows no job before this: a cold worker's first answers wait ~0.6-0.8 s.
// A failed warm-up still says so: each message then loads what it needs itself and reports a failure.
void warmUpGraphSteps()
  .catch(() => undefined)
  .then(() => send({ type: "warm" }));

// Jobs sent after a knowledge change wait for the reload, so they search what the supervisor just changed.
let indexReady: Promise<void> = Promise.resolve();

port.on("message", (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    send({ type: "error", message: `unexpected message: ${parsed.error.message}` });
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case "job": {
      const { id, job } = message;
      indexReady
        .then(() => runner.execute(job))
        .then(
          () => send({ type: "done", id }),
          (error: unknown) => send({ type: "failed", id, error: jobError(error) }),
        );
      return;
    }
    case "settings-changed":
      settings.invalidate();
      return;
    case "knowledge-changed":
      indexReady = indexReady
        .then(() => knowledge.load())
        .catch((error: unknown) =>
          send({ type: "error", message: `reloading the index failed: ${String(error)}` }),
        );
      return;
    case "close":
      // Closing the port lets the thread end once the store is closed; the main thread waits for the exit.
      void store.close().then(() => port.close());
      return;
  }
});
send({ type: "ready" });

function jobError(error: unknown): JobError {
  if (error instanceof DomainError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
