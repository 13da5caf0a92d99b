import type { ConversationSnapshot, Inbox } from "@handoff/contracts";
import { getConversation, type Engine } from "./engine";

/** Messages after `since` (for resync after a reconnect); internal notes only for agents. */
export async function snapshot(
  engine: Engine,
  conversationId: string,
  since: number,
  opts: { includeInternal: boolean },
): Promise<ConversationSnapshot> {
  const conversation = await getConversation(engine, conversationId);
  const messages = await engine.deps.store.messages.listSince(conversationId, since, 1000);
  return { conversation, messages: opts.includeInternal ? messages : messages.filter((m) => !m.internal) };
}

/** Open reviews and handoffs, with their conversations, oldest first. */
export async function inbox(engine: Engine, opts: { includeResolved: boolean }): Promise<Inbox> {
  const { store } = engine.deps;
  const reviews = await store.reviews.listByStatus(["pending", "claimed"], 500);
  const statuses = opts.includeResolved
    ? (["awaiting_approval", "waiting_human", "human", "resolved"] as const)
    : (["awaiting_approval", "waiting_human", "human"] as const);
  const conversations = await store.conversations.list({ statuses, limit: 500 });
  return { reviews, conversations };
}
