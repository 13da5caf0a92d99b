import type { PlatformEvent } from "@handoff/contracts";
import type { Notifier } from "@handoff/core";

/** Receives every platform event; a listener picks the kinds it cares about by `event.type`. */
export type EventListener = (event: PlatformEvent) => void;

/**
 * Forwards every platform event, as it is, to the listeners attached so far. The conversation service
 * needs a notifier before the Socket.IO server exists, so the sockets attach themselves later.
 */
export class FanoutNotifier implements Notifier {
  private readonly listeners: EventListener[] = [];

  attach(listener: EventListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  publish(event: PlatformEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
