import { constants } from "node:os";
import type { Logger } from "../app/logger";

// What the process exits with after a graceful stop.
const EXIT_DRAINED = 0;
const EXIT_DEADLINE_PASSED = 1;

/**
 * SIGTERM (docker stop, systemd, Kubernetes) and SIGINT (Ctrl-C) stop the server once, gracefully:
 * the process exits 0 when everything in flight finished, 1 when `timeoutMs` passed first. A second
 * signal exits at once (128 + its number, as a shell reports a killed process), and so does a stop
 * that hangs well past its deadline.
 */
export function exitOnStopSignals(
  stop: (timeoutMs: number) => Promise<boolean>,
  timeoutMs: number,
  logger: Logger,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, "stopping: finishing requests and graph runs in flight");
    setTimeout(() => {
      logger.error("the stop hung past its deadline; exiting");
      process.exit(EXIT_DEADLINE_PASSED);
    }, timeoutMs + 5_000).unref();
    stop(timeoutMs).then(
      (drained) => {
        if (drained) logger.info("stopped: everything in flight finished");
        else logger.warn("stopped at the deadline with work in flight; the next start picks it up");
        process.exit(drained ? EXIT_DRAINED : EXIT_DEADLINE_PASSED);
      },
      (err: unknown) => {
        logger.error({ err }, "the stop failed");
        process.exit(EXIT_DEADLINE_PASSED);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
