import { randomUUID } from "node:crypto";
import { isWebhookEvent, type DomainEvent, type PlatformEvent } from "@handoff/contracts";

/**
 * Gives each platform event webhooks may subscribe to an id and a time, and passes it on as it is
 * otherwise (typing, notices and the like are for live clients only). Returns the detach.
 */
export function bridgeDomainEvents(
  deps: { notifier: { attach(listener: (event: PlatformEvent) => void): () => void }; now: () => Date },
  emit: (event: DomainEvent) => void,
): () => void {
  // Typed, not parsed: the parts come from the store's own parsed objects, and a parse of every
  // message, conversation and review pushed cost the main thread ~4% of its CPU under load.
  return deps.notifier.attach((event) => {
    if (isWebhookEvent(event)) emit({ id: randomUUID(), at: deps.now().toISOString(), ...event });
  });
}
