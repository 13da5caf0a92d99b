import { reviewIn, type Review } from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import type { ConsoleNamespace } from "../realtime/namespaces";

/** How often offers are checked for running out (their time is in seconds; this is the slack). */
const SWEEP_MS = 1000;

/**
 * Connects auto-assignment to what happens: a handoff that starts waiting (new, or back in the queue)
 * is offered, one that is claimed or closed ends its offer, someone who opens the console may get the
 * handoffs that wait without an offer, and unanswered offers move on when their time runs out. Returns
 * a stop for shutdown.
 */
export function wireAssignment(platform: Platform, consoleNs: ConsoleNamespace): () => void {
  const { assignment, logger } = platform;
  platform.consolePorts.attach(consoleNs);
  const report = (what: string) => (err: unknown) => logger.error({ err }, what);
  const changed = (review: Review) => {
    if (review.kind !== "handoff") return;
    const work = async () => {
      if (review.status === "pending") return assignment.handoffWaiting(review);
      await assignment.handoffTaken(review.id);
      // A closed handoff frees a place with whoever held it.
      if (review.status !== "claimed") await assignment.offerWaiting();
    };
    work().catch(report("offering a handoff failed"));
  };
  platform.notifier.attach((event) => {
    const review = reviewIn(event);
    if (review) changed(review);
  });
  // Someone just opened the console: handoffs nobody could be offered may go to them now.
  consoleNs.on("connection", () => {
    assignment.offerWaiting().catch(report("offering waiting handoffs failed"));
  });
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    assignment
      .sweep()
      .catch(report("moving unanswered offers on failed"))
      .finally(() => (sweeping = false));
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
