import { randomUUID } from "node:crypto";
import type { Conversation, CustomerProfile, Message } from "@handoff/contracts";
import { unhandled } from "@handoff/contracts";
import { CUSTOMER } from "./actors";
import { decideApproval } from "./apply-decision";
import { getConversation, runGraph, type Engine } from "./engine";
import { moveConversation } from "./lifecycle";
import { postMessage } from "./post-message";
import { loadContext } from "./run-input";
import { settleMessages } from "./settle-messages";
import { conversationChanged } from "../ports";

/** What comes in from customers: new conversations, their messages, and asking for a person. */

export function startConversation(engine: Engine, customer: CustomerProfile): Promise<Conversation> {
  return engine.deps.store.conversations.create({ id: randomUUID(), customer });
}

/**
 * Stores the customer's message (once per clientId), queued for the bot, and deals with it in the
 * conversation's turn. Resolves as soon as the message is stored; `processed` settles when the bot
 * has dealt with it (answered, held behind a pending approval, or left to the person).
 */
export async function receiveCustomerMessage(
  engine: Engine,
  conversationId: string,
  input: { clientId: string; text: string },
): Promise<{ message: Message; duplicate: boolean; processed: Promise<void> }> {
  const { message, duplicate } = await postMessage(engine.deps, {
    conversationId,
    clientId: input.clientId,
    author: "customer",
    authorName: null,
    text: input.text,
    sources: [],
    internal: false,
  }).catch(async (error: unknown) => {
    // The store refuses a message to a conversation that does not exist; the caller is told not_found
    // (a read only on this path, none before every message).
    await getConversation(engine, conversationId);
    throw error;
  });
  if (!duplicate) engine.fresh?.add(message.id);
  const processed = duplicate
    ? Promise.resolve()
    : engine.queue.run(conversationId, async () => {
        await settleMessages(engine, conversationId);
      });
  return { message, duplicate, processed };
}

/** The customer asks for a person: hand over now, whatever the bot was doing. */
export async function requestHuman(
  engine: Engine,
  conversationId: string,
  reason: string | undefined,
): Promise<Conversation> {
  const { store, notifier } = engine.deps;
  await engine.queue.run(conversationId, async () => {
    let conversation = await getConversation(engine, conversationId);
    await store.audit.append({
      actor: CUSTOMER,
      action: "handoff.requested",
      conversationId,
      details: { status: conversation.status, reason: reason ?? null },
    });
    switch (conversation.status) {
      case "awaiting_approval": {
        // The pending draft is rejected for them; the rejection hands the conversation over.
        for (const review of await store.reviews.listByConversation(conversationId)) {
          if (review.kind !== "approval" || review.status !== "pending") continue;
          await decideApproval(
            engine,
            review,
            { type: "reject", reason: "The customer asked for a person." },
            CUSTOMER,
          );
        }
        return;
      }
      case "waiting_human":
      case "human":
        return;
      case "resolved":
        conversation = await moveConversation(store, conversationId, "reopened");
        notifier.publish(conversationChanged(conversation));
        break;
      case "bot":
        break;
      default:
        return unhandled(conversation.status);
    }
    const lastSeq = conversation.lastSeq;
    await runGraph(engine, {
      runId: `${conversationId}:${lastSeq}:person:${randomUUID().slice(0, 8)}`,
      trigger: "human_request",
      conversationId,
      question: reason?.trim() || "The customer asked to talk to a person.",
      questionSeq: lastSeq,
      ...(await loadContext(store, { conversationId, seq: lastSeq + 1 })),
      routeReason: "customer_request",
      failureReason: "The customer asked to talk to a person.",
    });
    await settleMessages(engine, conversationId);
  });
  return getConversation(engine, conversationId);
}
