import type { PlatformEvent } from "@handoff/contracts";
import type { Notifier } from "@handoff/core";

/** The worker's side of the bridge: every event the graph publishes goes to `send` as it is. */
export function eventNotifier(send: (event: PlatformEvent) => void): Notifier {
  return { publish: send };
}

/** The main thread's side: an event from the worker is published here as it is. */
export function replayEvent(notifier: Notifier, event: PlatformEvent): void {
  notifier.publish(event);
}
