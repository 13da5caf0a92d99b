import { z } from "zod";
import {
  ConversationStatus,
  unhandled,
  type MessageHandling,
  type Review,
  type ReviewStatus,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { ConversationPatch, Store } from "../ports";

// The conversation lifecycle, in one place. The README's lifecycle table is this file in words (a test
// checks that they agree); a new status or event does not compile until every switch here handles it.

/** What moves a conversation from one status to another. */
export const LifecycleEvent = z.enum([
  /** A run paused for a person to approve its draft. */
  "approval_opened",
  /** A run (or a rejection, a timeout, a failed recovery) put the conversation in the human queue. */
  "handoff_opened",
  /** A reviewer took the conversation over instead of deciding on the draft. */
  "taken_over",
  /** A decision sent a reply: the bot has the conversation again. */
  "reply_sent",
  /** An agent claimed the waiting handoff. */
  "claimed",
  /** The agent holding the conversation left the team: it waits in the queue again. */
  "returned",
  /** A supervisor gave the conversation someone holds to another agent. */
  "reassigned",
  /** The agent handed the conversation back to the bot. */
  "handed_back",
  /** The agent marked the conversation resolved. */
  "resolved",
  /** The customer wrote again (or asked for a person) after the conversation was resolved. */
  "reopened",
]);
export type LifecycleEvent = z.infer<typeof LifecycleEvent>;

/** The status `event` moves a conversation in status `from` to, or null when it may not happen there. */
export function nextStatus(from: ConversationStatus, event: LifecycleEvent): ConversationStatus | null {
  switch (event) {
    case "approval_opened":
      return from === "bot" ? "awaiting_approval" : null;
    case "handoff_opened":
      return from === "bot" || from === "awaiting_approval" ? "waiting_human" : null;
    case "taken_over":
      return from === "awaiting_approval" ? "human" : null;
    case "reply_sent":
      return from === "awaiting_approval" ? "bot" : null;
    case "claimed":
      return from === "waiting_human" ? "human" : null;
    case "returned":
      return from === "human" ? "waiting_human" : null;
    case "reassigned":
      return from === "human" ? "human" : null;
    case "handed_back":
      return from === "human" ? "bot" : null;
    case "resolved":
      return from === "human" ? "resolved" : null;
    case "reopened":
      return from === "resolved" ? "bot" : null;
    default:
      return unhandled(event);
  }
}

/** What happens to a customer message the bot has not dealt with yet, by the conversation's status. */
export type MessagePlan =
  /** The bot runs the graph for it now, in order. */
  | "run"
  /** The conversation goes back to the bot first, then the bot runs it. */
  | "reopen"
  /** It waits for the pending decision (and is then routed on its own, or goes to the person). */
  | "hold"
  /** A person has the conversation: it is theirs to answer. */
  | "person";

/** The lifecycle table's last column: what a waiting customer message gets in each status. */
export function messagePlan(status: ConversationStatus): MessagePlan {
  switch (status) {
    case "bot":
      return "run";
    case "resolved":
      return "reopen";
    case "awaiting_approval":
      return "hold";
    case "waiting_human":
    case "human":
      return "person";
    default:
      return unhandled(status);
  }
}

/** Where a customer message ends up after a plan: what the store records. */
export function handlingAfter(plan: MessagePlan): MessageHandling {
  switch (plan) {
    case "run":
    case "reopen":
      return "routed";
    case "hold":
      return "held";
    case "person":
      return "person";
    default:
      return unhandled(plan);
  }
}

/** What moves a pause (a review): a claim (handoffs only), a decision, the graph applying it. */
export type PauseEvent = "claim" | "decide";

/** The status a pause of `kind` in `from` moves to on `event`, or null when it may not. */
export function nextPauseStatus(
  kind: Review["kind"],
  from: ReviewStatus,
  event: PauseEvent,
): ReviewStatus | null {
  switch (event) {
    case "claim":
      return kind === "handoff" && from === "pending" ? "claimed" : null;
    case "decide":
      // An approval is decided while pending; a handoff is closed by the agent who claimed it.
      return (kind === "approval" && from === "pending") || (kind === "handoff" && from === "claimed")
        ? "decided"
        : null;
    default:
      return unhandled(event);
  }
}

/** The statuses a pause of `kind` may be in for `event` (the compare-and-set's `from`). */
export function pauseSources(kind: Review["kind"], event: PauseEvent): ReviewStatus[] {
  return (["pending", "claimed", "decided", "expired"] as const).filter(
    (from) => nextPauseStatus(kind, from, event) !== null,
  );
}

/** Statuses `event` may move a conversation out of. */
export function sourcesOf(event: LifecycleEvent): ConversationStatus[] {
  return ConversationStatus.options.filter((from) => nextStatus(from, event) !== null);
}

/** The one status `event` leads to (every event has a single target). */
export function targetOf(event: LifecycleEvent): ConversationStatus {
  const [from] = sourcesOf(event);
  const to = from === undefined ? null : nextStatus(from, event);
  if (to === null) throw new Error(`lifecycle event ${event} leads nowhere`);
  return to;
}

/**
 * Applies a lifecycle event with a compare-and-set, so two racing writers cannot both win; refused
 * with a clear error when the conversation is in a status the event cannot happen in.
 */
export async function moveConversation(
  store: Store,
  conversationId: string,
  event: LifecycleEvent,
  fields: Omit<ConversationPatch, "status"> = {},
) {
  const updated = await store.conversations.transition(conversationId, sourcesOf(event), {
    ...fields,
    status: targetOf(event),
  });
  if (updated) return updated;
  const current = await store.conversations.get(conversationId);
  if (!current) throw new DomainError("not_found", `conversation ${conversationId} does not exist`);
  throw new DomainError(
    "illegal_transition",
    `conversation is ${current.status}; "${event.replaceAll("_", " ")}" cannot happen there`,
  );
}
