import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DomainEvent, Review } from "@handoff/contracts";
import type { Notifier, Store } from "@handoff/core";

/** The parts of an event a source names; the bridge gives it an id and a time. */
type Raised = {
  [T in DomainEvent["type"]]: { type: T; data: Extract<DomainEvent, { type: T }>["data"] };
}[DomainEvent["type"]];

const RatedDetails = z.object({ messageId: z.string(), rating: z.enum(["up", "down"]) });
const ReviewedDetails = z.object({ correctionId: z.string(), status: z.string() });

/** What a review's update means: a handoff claimed or ended, or a draft decided (null: nothing to tell). */
function reviewUpdate(review: Review): Raised | null {
  if (review.kind === "handoff") {
    if (review.status === "claimed") return { type: "handoff.claimed", data: { review } };
    if (review.decision?.type === "handed_back") return { type: "handoff.handed_back", data: { review } };
    if (review.decision?.type === "resolved") return { type: "handoff.resolved", data: { review } };
    return null;
  }
  return review.status === "decided" ? { type: "review.decided", data: { review } } : null;
}

/**
 * Turns what core already publishes into DomainEvents without touching core: the notifier's pushes
 * (messages, conversation changes, reviews) and two audited actions the notifier does not carry
 * (a rated answer, an approved correction), read from the audit log's appends.
 */
export function bridgeDomainEvents(
  deps: { notifier: { attach(listener: Partial<Notifier>): () => void }; store: Store; now: () => Date },
  emit: (event: DomainEvent) => void,
): () => void {
  // Typed, not parsed: the parts come from the store's own parsed objects, and a parse of every
  // message, conversation and review pushed cost the main thread ~4% of its CPU under load.
  const raise = (raised: Raised) => {
    const event: DomainEvent = { id: randomUUID(), at: deps.now().toISOString(), ...raised };
    emit(event);
  };
  const detach = deps.notifier.attach({
    messageCreated: (message) => raise({ type: "message.created", data: { message } }),
    conversationUpdated: (conversation, change = "state") =>
      raise({ type: "conversation.changed", data: { conversation, change } }),
    reviewCreated: (review) => raise({ type: "review.opened", data: { review } }),
    reviewUpdated: (review) => {
      const raised = reviewUpdate(review);
      if (raised) raise(raised);
    },
  });
  const audit = deps.store.audit;
  const append = audit.append.bind(audit);
  audit.append = async (entry) => {
    const written = await append(entry);
    const rated = entry.action === "message.rated" ? RatedDetails.safeParse(entry.details) : null;
    if (rated?.success && entry.conversationId)
      raise({ type: "message.rated", data: { conversationId: entry.conversationId, ...rated.data } });
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
