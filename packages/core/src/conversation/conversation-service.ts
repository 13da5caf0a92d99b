import { randomUUID } from "node:crypto";
import type {
  Actor,
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
import { unhandled } from "@handoff/contracts";
import { DomainError } from "../errors";
import { InProcessGraphRunner } from "../graph";
import { silentLogger } from "../ports";
import { applyRecorded, decideApproval } from "./apply-decision";
import { recordTakeoverAnswer } from "./corrections";
import { applyDueDeadlines } from "./deadline-sweep";
import { getConversation, runGraph, type ConversationServiceDeps, type Engine } from "./engine";
import { KeyedQueue } from "./keyed-queue";
import { moveConversation, pauseSources } from "./lifecycle";
import { postMessage } from "./post-message";
import { recoverDueWork } from "./recovery";
import { loadContext } from "./run-input";
import { settleMessages } from "./settle-messages";

export type { ConversationServiceDeps } from "./engine";

const CUSTOMER: Actor = { type: "customer", id: null, name: null };

const asActor = (user: Pick<User, "id" | "name">): Actor => ({ type: "user", id: user.id, name: user.name });

/**
 * The application layer over the graph: every customer message, review decision and handoff step
 * goes through here, serialised per conversation, with lifecycle checks, audit and notifications.
 * What happens to a customer message in each state is the lifecycle table's (see lifecycle.ts).
 */
export class ConversationService {
  private readonly engine: Engine;

  constructor(private readonly deps: ConversationServiceDeps) {
    // Built here in any case: recovery reads where a thread stands from the checkpointer through it.
    const local = new InProcessGraphRunner(deps, deps.checkpointer);
    const exclusive = deps.exclusive;
    this.engine = {
      deps,
      graph: local.graph,
      runner: deps.runner ?? local,
      logger: deps.logger ?? silentLogger,
      queue: new KeyedQueue(
        exclusive
          ? (conversationId, task) => exclusive.run(`conversation:${conversationId}`, task)
          : undefined,
      ),
    };
  }

  private get store() {
    return this.deps.store;
  }

  private get queue() {
    return this.engine.queue;
  }

  async startConversation(customer: CustomerProfile): Promise<Conversation> {
    return this.store.conversations.create({ id: randomUUID(), customer });
  }

  async getConversation(conversationId: string): Promise<Conversation> {
    return getConversation(this.engine, conversationId);
  }

  /** Messages after `since` (for resync after a reconnect); internal notes only for agents. */
  async snapshot(
    conversationId: string,
    since: number,
    opts: { includeInternal: boolean },
  ): Promise<ConversationSnapshot> {
    const conversation = await this.getConversation(conversationId);
    const messages = await this.store.messages.listSince(conversationId, since, 1000);
    return { conversation, messages: opts.includeInternal ? messages : messages.filter((m) => !m.internal) };
  }

  /**
   * Stores the customer's message (once per clientId), queued for the bot, and deals with it in the
   * conversation's turn. Resolves as soon as the message is stored; `processed` settles when the bot
   * has dealt with it (answered, held behind a pending approval, or left to the person).
   */
  async receiveCustomerMessage(
    conversationId: string,
    input: { clientId: string; text: string },
  ): Promise<{ message: Message; duplicate: boolean; processed: Promise<void> }> {
    await this.getConversation(conversationId);
    const { message, duplicate } = await postMessage(this.deps, {
      conversationId,
      clientId: input.clientId,
      author: "customer",
      authorName: null,
      text: input.text,
      sources: [],
      internal: false,
    });
    const processed = duplicate
      ? Promise.resolve()
      : this.queue.run(conversationId, async () => {
          await settleMessages(this.engine, conversationId);
        });
    return { message, duplicate, processed };
  }

  /** The customer asks for a person: hand over now, whatever the bot was doing. */
  async requestHuman(conversationId: string, reason: string | undefined): Promise<Conversation> {
    await this.queue.run(conversationId, async () => {
      let conversation = await this.getConversation(conversationId);
      await this.store.audit.append({
        actor: CUSTOMER,
        action: "handoff.requested",
        conversationId,
        details: { status: conversation.status, reason: reason ?? null },
      });
      switch (conversation.status) {
        case "awaiting_approval": {
          const pending = (await this.store.reviews.listByConversation(conversationId)).filter(
            (r) => r.kind === "approval" && r.status === "pending",
          );
          for (const review of pending) {
            if (review.kind !== "approval") continue;
            await decideApproval(
              this.engine,
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
          conversation = await moveConversation(this.store, conversationId, "reopened");
          this.deps.notifier.conversationUpdated(conversation);
          break;
        case "bot":
          break;
        default:
          return unhandled(conversation.status);
      }
      const lastSeq = conversation.lastSeq;
      await runGraph(this.engine, {
        runId: `${conversationId}:${lastSeq}:person:${randomUUID().slice(0, 8)}`,
        trigger: "human_request",
        conversationId,
        question: reason?.trim() || "The customer asked to talk to a person.",
        questionSeq: lastSeq,
        ...(await loadContext(this.store, { conversationId, seq: lastSeq + 1 })),
        routeReason: "customer_request",
        failureReason: "The customer asked to talk to a person.",
      });
      await settleMessages(this.engine, conversationId);
    });
    return this.getConversation(conversationId);
  }

  /** Applies an agent's decision on a pending draft. Deciding twice sends once: the second is refused. */
  async decideReview(reviewId: string, decision: ReviewDecision, user: User): Promise<Review> {
    const review = await this.store.reviews.get(reviewId);
    if (!review) throw new DomainError("not_found", "review not found");
    if (review.kind !== "approval")
      throw new DomainError("bad_request", "this is a handoff; claim it instead");
    if (decision.type === "choose") {
      const known = [review.packet.draft, ...review.packet.alternatives].some(
        (d) => d.id === decision.draftId,
      );
      if (!known)
        throw new DomainError("bad_request", `draft ${decision.draftId} is not one of this review's drafts`);
    }
    return this.queue.run(review.conversationId, () =>
      decideApproval(this.engine, review, decision, asActor(user)),
    );
  }

  /** Takes a waiting handoff. Exactly one agent wins; the others get a conflict naming the winner. */
  async claimHandoff(reviewId: string, user: User): Promise<Review> {
    const review = await this.store.reviews.get(reviewId);
    if (!review) throw new DomainError("not_found", "handoff not found");
    if (review.kind !== "handoff")
      throw new DomainError("bad_request", "this is an approval; decide it instead");
    return this.queue.run(review.conversationId, async () => {
      const claimed = await this.store.reviews.claim(reviewId, { id: user.id, name: user.name });
      if (!claimed) {
        const current = await this.store.reviews.get(reviewId);
        const who = current?.assigneeName ? ` by ${current.assigneeName}` : "";
        throw new DomainError("conflict", `this handoff was already ${current?.status ?? "closed"}${who}`);
      }
      const conversation = await moveConversation(this.store, review.conversationId, "claimed", {
        assigneeId: user.id,
        assigneeName: user.name,
      });
      this.deps.notifier.conversationUpdated(conversation);
      this.deps.notifier.reviewUpdated(claimed);
      await this.store.audit.append({
        actor: asActor(user),
        action: "handoff.claimed",
        conversationId: review.conversationId,
        details: { reviewId },
      });
      await postMessage(this.deps, {
        conversationId: review.conversationId,
        clientId: `${reviewId}:claimed`,
        author: "system",
        authorName: null,
        text: `${user.name} from our team has joined the conversation.`,
        sources: [],
        internal: false,
      });
      return claimed;
    });
  }

  /** An agent writes to the customer (only while holding the conversation) or leaves an internal note. */
  async sendAgentMessage(
    conversationId: string,
    user: User,
    input: { clientId: string; text: string; internal: boolean },
  ): Promise<{ message: Message; duplicate: boolean }> {
    const conversation = await this.getConversation(conversationId);
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
    }
    if (!input.internal) {
      // Before the reply is stored, so "the customer's latest question" is the one it answers.
      await recordTakeoverAnswer(this.deps, { conversationId, answer: input.text, actor: asActor(user) });
    }
    return postMessage(this.deps, {
      conversationId,
      clientId: `agent:${user.id}:${input.clientId}`,
      author: "agent",
      authorName: user.name,
      text: input.text,
      sources: [],
      internal: input.internal,
    });
  }

  /** Ends a live handoff: back to the bot, or resolved. */
  async releaseHandoff(conversationId: string, outcome: HandoffOutcome, user: User): Promise<Conversation> {
    await this.queue.run(conversationId, async () => {
      const open = (await this.store.reviews.listByConversation(conversationId)).find(
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
      const decided = await this.store.reviews.decide(
        open.id,
        pauseSources("handoff", "decide"),
        { type: outcome },
        user.id,
      );
      if (!decided) throw new DomainError("conflict", "this handoff was already closed");
      await this.store.audit.append({
        actor: asActor(user),
        action: "handoff.released",
        conversationId,
        details: { reviewId: open.id, outcome },
      });
      this.deps.notifier.reviewUpdated(decided);
      await applyRecorded(this.engine, decided, asActor(user));
    });
    return this.getConversation(conversationId);
  }

  /** Open reviews and handoffs, with their conversations, oldest first. */
  async inbox(opts: { includeResolved: boolean }): Promise<Inbox> {
    const reviews = await this.store.reviews.listByStatus(["pending", "claimed"], 500);
    const statuses = opts.includeResolved
      ? (["awaiting_approval", "waiting_human", "human", "resolved"] as const)
      : (["awaiting_approval", "waiting_human", "human"] as const);
    const conversations = await this.store.conversations.list({ statuses, limit: 500 });
    return { reviews, conversations };
  }

  /**
   * Picks up what a crash left unfinished: decisions recorded but not applied, customer messages
   * stored but not dealt with (see recovery.ts). At start-up everything due is taken; the periodic
   * sweep passes `graceMs` so it leaves alone work younger than that, which is still in flight.
   * With several instances, one sweeps at a time.
   */
  async recover(opts: { graceMs?: number } = {}): Promise<number> {
    const sweep = () => {
      const before = new Date(this.deps.clock.now().getTime() - (opts.graceMs ?? 0)).toISOString();
      return recoverDueWork(this.engine, before);
    };
    const exclusive = this.deps.exclusive;
    if (exclusive) return (await exclusive.runIfFree("sweep:recovery", sweep)) ?? 0;
    return sweep();
  }

  /**
   * Applies the timeout policy to every pause whose deadline has passed (see deadline-sweep.ts).
   * With several instances only one sweeps at a time; the others skip this round.
   */
  async applyDueDeadlines(): Promise<number> {
    const sweep = () => applyDueDeadlines(this.engine, this.deps.clock.now().toISOString());
    const exclusive = this.deps.exclusive;
    if (exclusive) return (await exclusive.runIfFree("sweep:deadlines", sweep)) ?? 0;
    return sweep();
  }

  /** Runs other work on a conversation in its turn (after the bot's run, under its lease). */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(conversationId, task);
  }

  /** Waits for every queued run (graceful shutdown, tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
