/**
 * A worker thread for the write-gate tests: increments a shared counter `rounds` times under the gate,
 * each time as a read, a pause and a write (a lost update if another thread wrote in between).
 */
import { workerData } from "node:worker_threads";
import { z } from "zod";
import { WriteGate } from "../write-gate";
import { reportDone, waitForStart } from "./test-threads";

const Input = z.object({
  gate: z.instanceof(SharedArrayBuffer),
  counter: z.instanceof(SharedArrayBuffer),
  rounds: z.number(),
  gated: z.boolean(),
  start: z.instanceof(SharedArrayBuffer),
});

const input = Input.parse(workerData);
const gate = new WriteGate(input.gate);
const counter = new Int32Array(input.counter);

function increment(): void {
  const seen = Atomics.load(counter, 0);
  // A pause between the read and the write, as a transaction's statements take.
  const until = performance.now() + 0.02;
  while (performance.now() < until);
  Atomics.store(counter, 0, seen + 1);
}

waitForStart(input.start);
for (let i = 0; i < input.rounds; i++) {
  if (input.gated) gate.hold(increment);
  else increment();
}
reportDone(null);
