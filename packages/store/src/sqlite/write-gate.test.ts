import { describe, expect, it } from "vitest";
import { startSignal, startTestThread, startTogether } from "./testing/test-threads";
import { WriteGate, createWriteGateBuffer, releaseWriteGateHeldBy } from "./write-gate";

const ENTRY = new URL("./testing/count-under-gate.ts", import.meta.url);

/** Two threads each add `rounds` to one counter by read-pause-write; returns the final count. */
async function countFromTwoThreads(rounds: number, gated: boolean): Promise<number> {
  const gate = createWriteGateBuffer();
  const counter = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const start = startSignal();
  const threads = [0, 1].map(() => startTestThread(ENTRY, { gate, counter, rounds, gated }, start));
  await startTogether(threads, start);
  await Promise.all(threads.map((thread) => thread.done));
  return Atomics.load(new Int32Array(counter), 0);
}

describe("WriteGate", () => {
  it("lets one thread at a time through: two threads' read-then-write updates are never lost", async () => {
    const rounds = 3000;
    expect(await countFromTwoThreads(rounds, true)).toBe(2 * rounds);
  }, 30_000);

  it("the same updates without the gate do get lost (what the gate is for)", async () => {
    const rounds = 3000;
    expect(await countFromTwoThreads(rounds, false)).toBeLessThan(2 * rounds);
  }, 30_000);

  it("lets a write inside a write through (a transaction's own statements)", () => {
    const gate = new WriteGate(createWriteGateBuffer());
    expect(gate.hold(() => gate.hold(() => gate.hold(() => "nested")))).toBe("nested");
  });

  it("is free again after a write that threw", () => {
    const buffer = createWriteGateBuffer();
    const gate = new WriteGate(buffer);
    expect(() =>
      gate.hold(() => {
        throw new Error("constraint failed");
      }),
    ).toThrow("constraint failed");
    expect(Atomics.load(new Int32Array(buffer), 0)).toBe(0);
    expect(gate.hold(() => "next write")).toBe("next write");
  });

  it("gives up with a clear error when another thread holds it past the wait", () => {
    const buffer = createWriteGateBuffer();
    // Thread 41 holds it and never lets go.
    Atomics.store(new Int32Array(buffer), 0, 42);
    const gate = new WriteGate(buffer, 50);
    expect(() => gate.hold(() => "never runs")).toThrow(/database is busy: thread 41 held its write lock/);
  });

  it("is freed for the others when the thread holding it stopped mid-write", () => {
    const buffer = createWriteGateBuffer();
    Atomics.store(new Int32Array(buffer), 0, 42);
    expect(releaseWriteGateHeldBy(buffer, 7)).toBe(false);
    expect(releaseWriteGateHeldBy(buffer, 41)).toBe(true);
    expect(new WriteGate(buffer, 50).hold(() => "written")).toBe("written");
  });
});
