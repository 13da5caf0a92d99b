import type { Platform } from "./create-platform";

/**
 * Checks pauses against their deadlines on an interval (and, with several instances, picks up work a
 * dead instance left); a failed tick is logged and retried next time.
 */
export function startDeadlineScheduler(platform: Platform, everyMs: number) {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // Ticks never overlap: a slow one simply delays the next.
    running ??= platform.conversations
      .applyDueDeadlines()
      .then(async (applied) => {
        if (applied) platform.logger.info({ applied }, "applied timeout policies to overdue pauses");
        // Another instance may have died mid-conversation: pick up what it left (one instance at a time).
        const recovered = platform.multiInstance ? await platform.conversations.recover() : 0;
        if (recovered) platform.logger.info({ recovered }, "picked up work another instance left unfinished");
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
