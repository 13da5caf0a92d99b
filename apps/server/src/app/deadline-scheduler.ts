import type { Platform } from "./create-platform";

/**
 * Checks pauses against their deadlines on an interval, and picks up work a crash left unfinished (a
 * dead graph worker, or another instance that died); a failed tick is logged and retried next time.
 * The recovery sweep leaves alone work younger than `graceMs`: it is still in flight.
 */
export function startDeadlineScheduler(platform: Platform, everyMs: number, graceMs: number) {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // Ticks never overlap: a slow one simply delays the next.
    running ??= platform.conversations
      .applyDueDeadlines()
      .then(async (applied) => {
        if (applied) platform.logger.info({ applied }, "applied timeout policies to overdue pauses");
        // Due work is found through indexes, so this costs what is left to do, not what is open.
        const recovered = await platform.conversations.recover({ graceMs });
        if (recovered) platform.logger.info({ recovered }, "picked up work a crash left unfinished");
      })
      .catch((err: unknown) => platform.logger.error({ err }, "deadline check failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
