import type { Message, Notice } from "@handoff/contracts";
import type { NewMessage, Notifier, Store } from "../ports";
import { ExclusiveRunner } from "./conversation-lease";
import { conversationChanged } from "../ports";

/**
 * Stores a message and pushes it to both sides. Delivery is idempotent: a repeated clientId stores
 * nothing and pushes nothing, which is what makes re-running a node after a crash or resume safe.
 * With several instances, an instance whose conversation lease passed to another writes nothing.
 */
export async function postMessage(
  deps: { store: Store; notifier: Notifier; exclusive?: unknown },
  input: NewMessage,
): Promise<{ message: Message; duplicate: boolean }> {
  // The service's deps carry the lease runner; other callers' `exclusive` is their own turn-taking.
  if (deps.exclusive instanceof ExclusiveRunner) await deps.exclusive.checkFence();
  const result = await deps.store.messages.append(input);
  if (!result.duplicate) {
    deps.notifier.publish({ type: "message.created", data: { message: result.message } });
    // The conversation as the append's bump left it: no read after the write.
    deps.notifier.publish(conversationChanged(result.conversation, "activity"));
  }
  return { message: result.message, duplicate: result.duplicate };
}

/**
 * Stores a system notice: its kind and details, no sentence; each channel renders it in its reader's
 * language. Internal notices are for the agents only.
 */
export function postNotice(
  deps: Parameters<typeof postMessage>[0],
  conversationId: string,
  clientId: string,
  notice: Notice,
  visibility: { internal: boolean } = { internal: false },
): Promise<{ message: Message; duplicate: boolean }> {
  return postMessage(deps, {
    conversationId,
    clientId,
    author: "system",
    authorName: null,
    text: "",
    notice,
    sources: [],
    internal: visibility.internal,
  });
}

/** Tells the customer a person from the team has joined (a claim, a takeover or a reassignment). */
export function postJoinedNotice(
  deps: Parameters<typeof postMessage>[0],
  conversationId: string,
  clientId: string,
  agentName: string,
): Promise<{ message: Message; duplicate: boolean }> {
  return postNotice(deps, conversationId, clientId, { kind: "agent.joined", agentName });
}
