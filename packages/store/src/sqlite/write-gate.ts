import { threadId } from "node:worker_threads";

/** How long a writer waits for another thread's write before giving up, as SQLite's busy timeout. */
const DEFAULT_WAIT_MS = 5000;

/** Shared memory for one WriteGate: create it once per database file and give it to every thread. */
export function createWriteGateBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/**
 * A lock the threads of one process take around their writes to one SQLite file.
 *
 * SQLite's own busy handler waits for another connection's write lock by sleeping 1, 2, 5, 10, 15,
 * 20, 25... ms and trying again: under load the main thread and the graph workers met it ~0.2 times
 * per customer message, and each meeting cost a reply 1-8 ms (sometimes 78) for a write that had
 * ended after ~0.2 ms. Waiting here wakes a writer the moment the other thread's write ends. A
 * transaction holds it from before its first statement to its commit.
 *
 * The cell holds 0 when free, or the holder's thread id + 1. Re-entrant within a thread.
 */
export class WriteGate {
  private readonly cell: Int32Array;
  private readonly me = threadId + 1;
  private depth = 0;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly waitMs = DEFAULT_WAIT_MS,
  ) {
    this.cell = new Int32Array(buffer);
  }

  /** Runs `write` (synchronous) holding the gate, waiting for another thread's write to end first. */
  hold<T>(write: () => T): T {
    if (this.depth > 0) {
      this.depth += 1;
      try {
        return write();
      } finally {
        this.depth -= 1;
      }
    }
    this.acquire();
    this.depth = 1;
    try {
      return write();
    } finally {
      this.depth = 0;
      Atomics.store(this.cell, 0, 0);
      Atomics.notify(this.cell, 0, 1);
    }
  }

  private acquire(): void {
    const deadline = performance.now() + this.waitMs;
    for (;;) {
      const holder = Atomics.compareExchange(this.cell, 0, 0, this.me);
      if (holder === 0) return;
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(
          `the database is busy: thread ${holder - 1} held its write lock for over ${this.waitMs} ms`,
        );
      Atomics.wait(this.cell, 0, holder, left);
    }
  }
}

/**
 * Frees the gate if the given thread holds it: a worker thread stopped abruptly (terminate) mid-write
 * never runs its release, and every other writer would wait on it until their timeout.
 */
export function releaseWriteGateHeldBy(buffer: SharedArrayBuffer, deadThreadId: number): boolean {
  const cell = new Int32Array(buffer);
  if (Atomics.compareExchange(cell, 0, deadThreadId + 1, 0) !== deadThreadId + 1) return false;
  Atomics.notify(cell, 0, 1);
  return true;
}
