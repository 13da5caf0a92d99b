import { postNotice } from "./post-message";
import { getConversation, runGraph, type Engine } from "./engine";
import { moveConversation } from "./lifecycle";
import { loadContext } from "./run-input";

/**
 * Gives a conversation the bot cannot carry on with to a person: a note for the agents says why,
 * its waiting messages become theirs, its open drafts are withdrawn and its recorded decisions are
 * no longer retried, and unless a person has it already, it goes to the human queue.
 * Runs inside the conversation's turn.
 */
export async function escalateNow(engine: Engine, conversationId: string, reason: string): Promise<void> {
  const { store, notifier } = engine.deps;
  let conversation = await getConversation(engine, conversationId);
  engine.logger.info({ conversationId, reason }, "handing an unrecoverable conversation to a person");
  await postNotice(
    engine.deps,
    conversationId,
    `recovery-failed:${conversation.lastSeq}`,
    { kind: "recovery.failed", reason },
    { internal: true },
  );
  await store.audit.append({
    actor: { type: "system", id: null, name: "recovery" },
    action: "conversation.recovery_failed",
    conversationId,
    details: { reason, status: conversation.status },
  });
  await store.messages.setHandling(conversationId, { from: ["queued", "held"], to: "person" });
  for (const review of await store.reviews.listByConversation(conversationId)) {
    if (review.kind === "approval" && review.status === "pending") {
      const withdrawn = await store.reviews.decide(
        review.id,
        ["pending"],
        { type: "reject", reason: "The assistant could not carry on; a person takes over." },
        null,
      );
      if (withdrawn) notifier.publish({ type: "review.updated", data: { review: withdrawn } });
    }
    if (review.status === "decided" || review.kind === "approval") await store.reviews.markApplied(review.id);
  }
  if (conversation.status === "resolved")
    conversation = await moveConversation(store, conversationId, "reopened");
  if (conversation.status !== "bot" && conversation.status !== "awaiting_approval") return;
  const asked = (await store.messages.listRecent(conversationId, 20)).findLast(
    (m) => m.author === "customer",
  );
  await runGraph(engine, {
    runId: `${conversationId}:${conversation.lastSeq}:recovery`,
    trigger: "human_request",
    conversationId,
    question: asked?.text ?? "The assistant could not carry on with this conversation.",
    questionSeq: conversation.lastSeq,
    ...(await loadContext(store, { conversationId, seq: conversation.lastSeq + 1 })),
    routeReason: "recovery_failed",
    failureReason: `The assistant could not carry on: ${reason}.`,
  });
}
