import { setTimeout as sleep } from "node:timers/promises";
import type { Actor, Review } from "@handoff/contracts";
import { applyRecorded } from "./apply-decision";
import type { Engine } from "./engine";
import { escalateNow } from "./escalate";
import { settleMessages } from "./settle-messages";

/** How often one conversation is tried before it goes to a person, and the waits in between. */
const RETRY_DELAYS_MS = [100, 500];
/** Due work is read in batches of this size, through indexes. */
const BATCH = 100;

/**
 * Picks up what a crash (here or on another instance) left unfinished, from due work found through
 * indexes, so its cost follows the work left and not the number of open conversations:
 * decisions recorded but not applied to the graph, and customer messages stored but not dealt with.
 * Only work from at or before `before` is taken, so a sweep does not queue up behind work in flight.
 * One conversation's failure is logged with its id and never stops the sweep; a conversation that
 * keeps failing goes to a person with a note. Returns how many pieces of work it recovered.
 */
export async function recoverDueWork(engine: Engine, before: string): Promise<number> {
  const { store } = engine.deps;
  let recovered = 0;
  for await (const review of batches(
    (limit) => store.reviews.listUnapplied(before, limit),
    (r) => r.id,
  )) {
    const done = await attempt(engine, review.conversationId, () => applyListed(engine, review.id));
    if (done) recovered++;
  }
  for await (const conversationId of batches(
    (limit) => store.messages.listQueuedConversations(before, limit),
    (id) => id,
  )) {
    const moved = await attempt(engine, conversationId, () => settleMessages(engine, conversationId));
    if (moved) recovered++;
  }
  return recovered;
}

/**
 * Every due item, read batch by batch until a batch brings nothing new. The caller handles each item
 * before the next batch is read (handled items leave the due set); one that stays due (it failed, or
 * another instance has it) is not handed out twice in one sweep.
 */
async function* batches<T>(list: (limit: number) => Promise<T[]>, key: (item: T) => string) {
  const seen = new Set<string>();
  for (;;) {
    const fresh = (await list(BATCH)).filter((item) => !seen.has(key(item)));
    if (fresh.length === 0) return;
    for (const item of fresh) {
      seen.add(key(item));
      yield item;
    }
  }
}

/** Re-reads the review in the conversation's turn: it may have been applied since it was listed. */
async function applyListed(engine: Engine, reviewId: string): Promise<boolean> {
  const review = await engine.deps.store.reviews.get(reviewId);
  if (!review || review.status !== "decided") return false;
  await applyRecorded(engine, review, await deciderOf(engine, review));
  return true;
}

async function deciderOf(engine: Engine, review: Review): Promise<Actor> {
  if (!review.decidedBy) return { type: "system", id: null, name: "deadline" };
  const user = await engine.deps.store.users.get(review.decidedBy);
  return { type: "user", id: review.decidedBy, name: user?.name ?? null };
}

/**
 * Runs one conversation's recovery in its turn, retrying a failure a couple of times; a conversation
 * that still fails goes to a person. Never throws: the sweep goes on with the next conversation.
 */
async function attempt<T>(engine: Engine, conversationId: string, task: () => Promise<T>): Promise<T | null> {
  let lastError: unknown;
  for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
    try {
      return await engine.queue.run(conversationId, task);
    } catch (err) {
      lastError = err;
      engine.logger.error({ err, conversationId, attempt: i + 1 }, "recovering a conversation failed");
      const delay = RETRY_DELAYS_MS[i];
      if (delay !== undefined) await sleep(delay);
    }
  }
  try {
    await engine.queue.run(conversationId, () => escalateNow(engine, conversationId, describe(lastError)));
  } catch (err) {
    engine.logger.error({ err, conversationId }, "could not hand an unrecoverable conversation to a person");
  }
  return null;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
