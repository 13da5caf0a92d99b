import type { Conversation, HandoffOutcome, Message, Review, User } from "@handoff/contracts";
import { DomainError } from "../errors";
import { asActor } from "./actors";
import { applyRecorded } from "./apply-decision";
import { recordTakeoverAnswer } from "./corrections";
import { getConversation, type Engine } from "./engine";
import { moveConversation, pauseSources } from "./lifecycle";
import { postJoinedNotice, postMessage } from "./post-message";
import { conversationChanged } from "../ports";
import { handoffEnded } from "@handoff/contracts";

/** What a person does with a handoff: take it, talk to the customer, hand it back or resolve it. */

/** Takes a waiting handoff. Exactly one agent wins; the others get a conflict naming the winner. */
export async function claimHandoff(engine: Engine, reviewId: string, user: User): Promise<Review> {
  const { store, notifier } = engine.deps;
  const review = await store.reviews.get(reviewId);
  if (!review) throw new DomainError("not_found", "handoff not found");
  if (review.kind !== "handoff")
    throw new DomainError("bad_request", "this is an approval; decide it instead");
  return engine.queue.run(review.conversationId, async () => {
    const claimed = await store.reviews.claim(reviewId, { id: user.id, name: user.name });
    if (!claimed) {
      const current = await store.reviews.get(reviewId);
      const who = current?.assigneeName ? ` by ${current.assigneeName}` : "";
      throw new DomainError("conflict", `this handoff was already ${current?.status ?? "closed"}${who}`);
    }
    const conversation = await moveConversation(store, review.conversationId, "claimed", {
      assigneeId: user.id,
      assigneeName: user.name,
    });
    notifier.publish(conversationChanged(conversation));
    notifier.publish({ type: "handoff.claimed", data: { review: claimed } });
    await store.audit.append({
      actor: asActor(user),
      action: "handoff.claimed",
      conversationId: review.conversationId,
      details: { reviewId },
    });
    await postJoinedNotice(engine.deps, review.conversationId, `${reviewId}:claimed`, user.name);
    return claimed;
  });
}

/** An agent writes to the customer (only while holding the conversation) or leaves an internal note. */
export async function sendAgentMessage(
  engine: Engine,
  conversationId: string,
  user: User,
  input: { clientId: string; text: string; internal: boolean },
): Promise<{ message: Message; duplicate: boolean }> {
  const conversation = await getConversation(engine, conversationId);
  if (!input.internal) {
    if (conversation.status !== "human") {
      throw new DomainError(
        "illegal_transition",
        `the conversation is ${conversation.status}; claim it before replying`,
      );
    }
    if (conversation.assigneeId !== user.id && user.role !== "supervisor") {
      throw new DomainError(
        "forbidden",
        `${conversation.assigneeName ?? "another agent"} is handling this conversation`,
      );
    }
    // Before the reply is stored, so "the customer's latest question" is the one it answers.
    await recordTakeoverAnswer(engine.deps, { conversationId, answer: input.text, actor: asActor(user) });
  }
  return postMessage(engine.deps, {
    conversationId,
    clientId: `agent:${user.id}:${input.clientId}`,
    author: "agent",
    authorName: user.name,
    text: input.text,
    sources: [],
    internal: input.internal,
  });
}

/** Ends a live handoff: back to the bot, or resolved. Only its holder (or a supervisor) may. */
export async function releaseHandoff(
  engine: Engine,
  conversationId: string,
  outcome: HandoffOutcome,
  user: User,
): Promise<Conversation> {
  const { store, notifier } = engine.deps;
  await engine.queue.run(conversationId, async () => {
    const open = (await store.reviews.listByConversation(conversationId)).find(
      (r) => r.kind === "handoff" && (r.status === "claimed" || r.status === "pending"),
    );
    if (!open) throw new DomainError("illegal_transition", "there is no open handoff on this conversation");
    if (open.status === "pending")
      throw new DomainError("illegal_transition", "claim the handoff before closing it");
    if (open.assigneeId !== user.id && user.role !== "supervisor") {
      throw new DomainError(
        "forbidden",
        `${open.assigneeName ?? "another agent"} is handling this conversation`,
      );
    }
    const decided = await store.reviews.decide(
      open.id,
      pauseSources("handoff", "decide"),
      { type: outcome },
      user.id,
    );
    if (!decided) throw new DomainError("conflict", "this handoff was already closed");
    await store.audit.append({
      actor: asActor(user),
      action: "handoff.released",
      conversationId,
      details: { reviewId: open.id, outcome },
    });
    notifier.publish(handoffEnded(decided, outcome));
    await applyRecorded(engine, decided, asActor(user));
  });
  return getConversation(engine, conversationId);
}
