import { ApproverDirectory } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { approvalNotifier } from "./approval-notifier";
import { loadLinkSecret } from "./link-secret";

/** Approvers outside the console: who takes approvals where, the link secret, and what is in flight. */
export interface ApproverRuntime {
  directory: ApproverDirectory;
  secret(): Promise<string>;
  /** Work started by an event or a Slack click that nobody awaits (a test waits on it). */
  track(work: Promise<unknown>): void;
  /** Settles when the work tracked so far has. */
  idle(): Promise<void>;
}

const runtimes = new WeakMap<Platform, ApproverRuntime>();

/**
 * The approver runtime of a platform, started on first use: from then on every approval that opens
 * is emailed and posted to Slack as configured.
 */
export function approversFor(platform: Platform): ApproverRuntime {
  const existing = runtimes.get(platform);
  if (existing) return existing;
  const directory = new ApproverDirectory(platform.store);
  let secret: Promise<string> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  const runtime: ApproverRuntime = {
    directory,
    secret: () =>
      (secret ??= loadLinkSecret(platform.store).catch((err: unknown) => {
        secret = null;
        throw err;
      })),
    track(work) {
      const settled = work
        .catch((err: unknown) => platform.logger.error({ err }, "approver notification failed"))
        .finally(() => inFlight.delete(settled));
      inFlight.add(settled);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
  const notify = approvalNotifier(platform, { directory, secret: runtime.secret });
  platform.notifier.attach((event) => {
    if (event.type === "review.opened") runtime.track(notify(event.data.review));
  });
  runtimes.set(platform, runtime);
  return runtime;
}
