import type {
  Conversation,
  ConversationSnapshot,
  CustomerProfile,
  HandoffOutcome,
  Inbox,
  Message,
  Review,
  ReviewDecision,
  User,
} from "@handoff/contracts";
import { inbox, snapshot } from "./conversation-reads";
import { createEngine, sweepOnce } from "./create-engine";
import { receiveCustomerMessage, requestHuman, startConversation } from "./customer-intake";
import { applyDueDeadlines } from "./deadline-sweep";
import { getConversation, type ConversationServiceDeps, type Engine } from "./engine";
import { claimHandoff, releaseHandoff, sendAgentMessage } from "./handoff-steps";
import { recoverDueWork } from "./recovery";
import { decideReview } from "./review-decisions";

export type { ConversationServiceDeps } from "./engine";

/**
 * The application layer over the graph: every customer message, review decision and handoff step
 * goes through here, serialised per conversation, with lifecycle checks, audit and notifications.
 * Each job lives in a file of its own: customer-intake, review-decisions, handoff-steps, recovery and
 * deadline-sweep (what happens to a customer message in each state is the lifecycle table's).
 */
export class ConversationService {
  private readonly engine: Engine;

  constructor(deps: ConversationServiceDeps) {
    this.engine = createEngine(deps);
  }

  startConversation(customer: CustomerProfile): Promise<Conversation> {
    return startConversation(this.engine, customer);
  }

  getConversation(conversationId: string): Promise<Conversation> {
    return getConversation(this.engine, conversationId);
  }

  /** Messages after `since` (for resync after a reconnect); internal notes only for agents. */
  snapshot(
    conversationId: string,
    since: number,
    opts: { includeInternal: boolean },
  ): Promise<ConversationSnapshot> {
    return snapshot(this.engine, conversationId, since, opts);
  }

  /** Stores the customer's message at once; `processed` settles when the bot has dealt with it. */
  receiveCustomerMessage(
    conversationId: string,
    input: { clientId: string; text: string },
  ): Promise<{ message: Message; duplicate: boolean; processed: Promise<void> }> {
    return receiveCustomerMessage(this.engine, conversationId, input);
  }

  /** The customer asks for a person: hand over now, whatever the bot was doing. */
  requestHuman(conversationId: string, reason: string | undefined): Promise<Conversation> {
    return requestHuman(this.engine, conversationId, reason);
  }

  /** Applies an agent's decision on a pending draft. Deciding twice sends once: the second is refused. */
  decideReview(reviewId: string, decision: ReviewDecision, user: User): Promise<Review> {
    return decideReview(this.engine, reviewId, decision, user);
  }

  /** Takes a waiting handoff. Exactly one agent wins; the others get a conflict naming the winner. */
  claimHandoff(reviewId: string, user: User): Promise<Review> {
    return claimHandoff(this.engine, reviewId, user);
  }

  /** An agent writes to the customer (only while holding the conversation) or leaves an internal note. */
  sendAgentMessage(
    conversationId: string,
    user: User,
    input: { clientId: string; text: string; internal: boolean },
  ): Promise<{ message: Message; duplicate: boolean }> {
    return sendAgentMessage(this.engine, conversationId, user, input);
  }

  /** Ends a live handoff: back to the bot, or resolved. */
  releaseHandoff(conversationId: string, outcome: HandoffOutcome, user: User): Promise<Conversation> {
    return releaseHandoff(this.engine, conversationId, outcome, user);
  }

  /** Open reviews and handoffs, with their conversations, oldest first. */
  inbox(opts: { includeResolved: boolean }): Promise<Inbox> {
    return inbox(this.engine, opts);
  }

  /**
   * Picks up what a crash left unfinished: decisions recorded but not applied, customer messages
   * stored but not dealt with (see recovery.ts). At start-up everything due is taken; the periodic
   * sweep passes `graceMs` so it leaves alone work younger than that, which is still in flight.
   * With several instances, one sweeps at a time.
   */
  recover(opts: { graceMs?: number } = {}): Promise<number> {
    return sweepOnce(this.engine, "recovery", () => {
      const now = this.engine.deps.clock.now().getTime();
      return recoverDueWork(this.engine, new Date(now - (opts.graceMs ?? 0)).toISOString());
    });
  }

  /**
   * Applies the timeout policy to every pause whose deadline has passed (see deadline-sweep.ts).
   * With several instances only one sweeps at a time; the others skip this round.
   */
  applyDueDeadlines(): Promise<number> {
    return sweepOnce(this.engine, "deadlines", () =>
      applyDueDeadlines(this.engine, this.engine.deps.clock.now().toISOString()),
    );
  }

  /** Runs other work on a conversation in its turn (after the bot's run, under its lease). */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.engine.queue.run(conversationId, task);
  }

  /** Waits for every queued run (graceful shutdown, tests). */
  idle(): Promise<void> {
    return this.engine.queue.idle();
  }
}
