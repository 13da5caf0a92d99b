import { unhandled, type Message } from "@handoff/contracts";
import { getConversation, hasRun, runGraph, type Engine } from "./engine";
import { handlingAfter, messagePlan, moveConversation } from "./lifecycle";
import { loadContext, messageRunId } from "./run-input";
import { conversationChanged } from "../ports";
import { autoReplyClientId } from "../graph/nodes/send";

/**
 * Deals with every customer message the bot has not finished with, oldest first, as the lifecycle
 * table says for the conversation's status: run it, hold it behind a pending approval, or leave it
 * to the person who has the conversation. Runs inside the conversation's turn. A message is marked
 * routed only once its run has ended or paused, so one a crash interrupted is found again by recovery.
 * Returns how many messages it moved on.
 */
export async function settleMessages(engine: Engine, conversationId: string): Promise<number> {
  const { store, notifier } = engine.deps;
  let moved = 0;
  for (;;) {
    const [next] = await store.messages.listWaiting(conversationId);
    if (!next) return moved;
    const { message, handling } = next;
    const routed = () =>
      store.messages.setHandling(conversationId, { seq: message.seq, from: [handling], to: "routed" });
    moved++;
    // Its run already ended or paused (a crash came between that and this mark). A message this
    // process just stored has had no run.
    const fresh = engine.fresh?.take(message.id) ?? false;
    if (!fresh && (await runFinished(engine, message))) {
      await routed();
      continue;
    }
    const conversation = await getConversation(engine, conversationId);
    // Its run opened a pause and the process died before the pause's checkpoint was saved: replayed,
    // the run reopens that same pause.
    if (!fresh && conversation.status !== "bot" && (await openedPause(engine, message))) {
      await runMessage(engine, message, { replay: true });
      await routed();
      continue;
    }
    const plan = messagePlan(conversation.status);
    switch (plan) {
      case "reopen":
        notifier.publish(conversationChanged(await moveConversation(store, conversationId, "reopened")));
        await runMessage(engine, message, { waited: handling === "held" });
        await routed();
        break;
      case "run":
        await runMessage(engine, message, { waited: handling === "held" });
        await routed();
        break;
      case "hold":
      case "person":
        await store.messages.setHandling(conversationId, {
          from: plan === "hold" ? ["queued"] : ["queued", "held"],
          to: handlingAfter(plan),
        });
        return moved;
      default:
        return unhandled(plan);
    }
  }
}

/** The bot's run for one customer message. */
export async function runMessage(
  engine: Engine,
  message: Message,
  opts: { replay?: boolean; waited?: boolean },
): Promise<void> {
  await runGraph(engine, {
    runId: messageRunId(message),
    trigger: "message",
    conversationId: message.conversationId,
    question: message.text,
    questionSeq: message.seq,
    ...(opts.replay ? { replay: true } : {}),
    ...(await loadContext(engine.deps.store, message, { waited: opts.waited })),
  });
}

/**
 * Whether the message's run paused or failed (it saved a checkpoint) or answered it (a run that ends
 * without pausing saves none; its auto reply, stored after the message, says it ended).
 */
async function runFinished(engine: Engine, message: Message): Promise<boolean> {
  const runId = messageRunId(message);
  if (await hasRun(engine, runId)) return true;
  const reply = autoReplyClientId(runId);
  const after = await engine.deps.store.messages.listSince(
    message.conversationId,
    message.seq,
    REPLY_LOOKAHEAD,
  );
  return after.some((m) => m.clientId === reply);
}

/** How many messages after a customer's are searched for its run's reply (written in the same turn, soon after). */
const REPLY_LOOKAHEAD = 50;

async function openedPause(engine: Engine, message: Message): Promise<boolean> {
  const runId = messageRunId(message);
  const reviews = await engine.deps.store.reviews.listByConversation(message.conversationId);
  return reviews.some((r) => r.threadId === runId);
}
