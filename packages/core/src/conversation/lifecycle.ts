import { ConversationStatus } from "@handoff/contracts";
import { DomainError } from "../errors";
import type { ConversationPatch, Store } from "../ports";

// Who may hand the conversation to whom. The bot never moves a conversation out of a person's hands
// except through an explicit hand back, so "human" only leads to "bot" or "resolved".
const NEXT: Record<ConversationStatus, readonly ConversationStatus[]> = {
  bot: ["awaiting_approval", "waiting_human", "resolved"],
  awaiting_approval: ["bot", "waiting_human", "human", "resolved"],
  waiting_human: ["human", "bot", "resolved"],
  human: ["bot", "resolved"],
  resolved: ["bot", "waiting_human"],
};

/** Statuses from which `to` can be reached. */
export function sourcesOf(to: ConversationStatus): ConversationStatus[] {
  return ConversationStatus.options.filter((from) => NEXT[from].includes(to));
}

/**
 * Moves a conversation along the lifecycle with a compare-and-set, so two racing writers cannot both
 * win. `expected` narrows the allowed sources further (e.g. only "waiting_human" for a claim).
 */
export async function moveConversation(
  store: Store,
  conversationId: string,
  patch: ConversationPatch,
  expected?: readonly ConversationStatus[],
) {
  const allowed = sourcesOf(patch.status).filter((s) => !expected || expected.includes(s));
  const updated = await store.conversations.transition(conversationId, allowed, patch);
  if (updated) return updated;
  const current = await store.conversations.get(conversationId);
  if (!current) throw new DomainError("not_found", `conversation ${conversationId} does not exist`);
  throw new DomainError(
    "illegal_transition",
    `conversation is ${current.status}; it cannot move to ${patch.status} from there`,
  );
}
