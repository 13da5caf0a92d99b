import type { Message } from "@handoff/contracts";
import type { NewMessage, Notifier, Store } from "../ports";

/**
 * Stores a message and pushes it to both sides. Delivery is idempotent: a repeated clientId stores
 * nothing and pushes nothing, which is what makes re-running a node after a crash or resume safe.
 */
export async function postMessage(
  deps: { store: Store; notifier: Notifier },
  input: NewMessage,
): Promise<{ message: Message; duplicate: boolean }> {
  const result = await deps.store.messages.append(input);
  if (!result.duplicate) {
    deps.notifier.messageCreated(result.message);
    const conversation = await deps.store.conversations.get(input.conversationId);
    if (conversation) deps.notifier.conversationUpdated(conversation, "activity");
  }
  return result;
}
