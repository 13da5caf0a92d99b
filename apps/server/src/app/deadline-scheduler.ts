import type { Platform } from "./create-platform";

/** Checks pauses against their deadlines on an interval; a failed tick is logged and retried next time. */
export function startDeadlineScheduler(platform: Platform, everyMs: number) {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // Ticks never overlap: a slow one simply delays the next.
    running ??= platform.conversations
      .applyDueDeadlines()
      .then((applied) => {
        if (applied) platform.logger.info({ applied }, "applied timeout policies to overdue pauses");
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
