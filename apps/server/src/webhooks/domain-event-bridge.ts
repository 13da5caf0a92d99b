import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isWebhookEvent, type DomainEvent, type PlatformEvent, type WebhookEvent } from "@handoff/contracts";
import type { Store } from "@handoff/core";

const ReviewedDetails = z.object({ correctionId: z.string(), status: z.string() });

/**
 * Gives each platform event webhooks may subscribe to an id and a time, as it is otherwise, plus the
 * one action core does not publish yet (an approved correction: the feedback service has no
 * notifier), read from the audit log's appends.
 */
export function bridgeDomainEvents(
  deps: {
    notifier: { attach(listener: (event: PlatformEvent) => void): () => void };
    store: Store;
    now: () => Date;
  },
  emit: (event: DomainEvent) => void,
): () => void {
  // Typed, not parsed: the parts come from the store's own parsed objects, and a parse of every
  // message, conversation and review pushed cost the main thread ~4% of its CPU under load.
  const raise = (raised: WebhookEvent) => {
    const event: DomainEvent = { id: randomUUID(), at: deps.now().toISOString(), ...raised };
    emit(event);
  };
  const detach = deps.notifier.attach((event) => {
    if (isWebhookEvent(event)) raise(event);
  });
  const audit = deps.store.audit;
  const append = audit.append.bind(audit);
  audit.append = async (entry) => {
    const written = await append(entry);
    const reviewed = entry.action === "correction.reviewed" ? ReviewedDetails.safeParse(entry.details) : null;
    if (reviewed?.success && reviewed.data.status === "approved")
      raise({
        type: "correction.approved",
        data: { correctionId: reviewed.data.correctionId, conversationId: entry.conversationId },
      });
    return written;
  };
  return () => {
    detach();
    audit.append = append;
  };
}
