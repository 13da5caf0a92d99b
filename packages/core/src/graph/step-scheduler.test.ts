import { describe, expect, it } from "vitest";
import { StepScheduler } from "./step-scheduler";

/** A job of `steps` steps that logs each one, taking its turn before the next. */
function job(
  scheduler: StepScheduler,
  log: string[],
  name: string,
  steps: number,
  onStep?: (i: number) => void,
) {
  return async () => {
    for (let i = 0; i < steps; i++) {
      log.push(`${name}${i}`);
      onStep?.(i);
      if (i < steps - 1) await scheduler.turn();
    }
  };
}

describe("StepScheduler", () => {
  it("serves concurrent runs oldest first instead of interleaving them", async () => {
    const scheduler = new StepScheduler();
    const log: string[] = [];
    await Promise.all(["a", "b", "c"].map((name) => scheduler.run("normal", job(scheduler, log, name, 3))));
    expect(log).toEqual(["a0", "a1", "a2", "b0", "b1", "b2", "c0", "c1", "c2"]);
  });

  it("gives an urgent job the next turns, ahead of runs that were queued before it", async () => {
    const scheduler = new StepScheduler();
    const log: string[] = [];
    let urgent: Promise<void> = Promise.resolve();
    const startUrgent = (i: number) => {
      if (i === 1) urgent = scheduler.run("urgent", job(scheduler, log, "u", 2));
    };
    const runs = [
      scheduler.run("normal", job(scheduler, log, "a", 4, startUrgent)),
      scheduler.run("normal", job(scheduler, log, "b", 2)),
    ];
    await Promise.all(runs);
    await urgent;
    expect(log).toEqual(["a0", "a1", "u0", "u1", "a2", "a3", "b0", "b1"]);
  });

  it("lets other runs go on while one waits for I/O", async () => {
    const scheduler = new StepScheduler();
    const log: string[] = [];
    const slow = scheduler.run("normal", async () => {
      log.push("slow:waiting");
      await new Promise((resolve) => setTimeout(resolve, 20));
      await scheduler.turn();
      log.push("slow:done");
    });
    const quick = scheduler.run("normal", job(scheduler, log, "q", 3));
    await Promise.all([slow, quick]);
    expect(log).toEqual(["slow:waiting", "q0", "q1", "q2", "slow:done"]);
  });

  it("does not hold up work outside any job", async () => {
    const scheduler = new StepScheduler();
    const log: string[] = [];
    const run = scheduler.run("normal", job(scheduler, log, "a", 3));
    await scheduler.turn();
    log.push("outside");
    await run;
    expect(log[0]).toBe("outside");
  });
});
