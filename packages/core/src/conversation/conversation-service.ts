import { randomUUID } from "node:crypto";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type {
  Actor,
  ApprovalReview,
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
import { DomainError } from "../errors";
import {
  InProcessGraphRunner,
  type GraphDeps,
  type GraphRunner,
  type HandoffResume,
  type ReviewResume,
  type RunRequest,
  type SupportGraph,
} from "../graph";
import { recordCorrection, recordTakeoverAnswer } from "./corrections";
import { type ExclusiveRunner } from "./conversation-lease";
import { KeyedQueue } from "./keyed-queue";
import { moveConversation } from "./lifecycle";
import { postMessage } from "./post-message";
import { loadContext } from "./run-input";

/** What the service needs: the graph's dependencies plus where checkpoints go. */
export interface ConversationServiceDeps extends GraphDeps {
  checkpointer: BaseCheckpointSaver;
  /** With several instances on one store: a conversation's work runs on one instance at a time. */
  exclusive?: ExclusiveRunner;
  /** Where runs execute (a worker thread, say); by default the graph built here runs them. */
  runner?: GraphRunner;
}

const DEADLINE_ACTOR: Actor = { type: "system", id: null, name: "deadline" };

const asActor = (user: Pick<User, "id" | "name">): Actor => ({ type: "user", id: user.id, name: user.name });

/**
 * The application layer over the graph: every customer message, review decision and handoff step
 * goes through here, serialised per conversation, with lifecycle checks, audit and notifications.
 */
export class ConversationService {
  /** Built here in any case: pause checks read its state from the checkpointer. */
  private readonly graph: SupportGraph;
  private readonly runner: GraphRunner;
  private readonly queue: KeyedQueue;

  constructor(private readonly deps: ConversationServiceDeps) {
    const local = new InProcessGraphRunner(deps, deps.checkpointer);
    this.graph = local.graph;
    this.runner = deps.runner ?? local;
    const exclusive = deps.exclusive;
    this.queue = new KeyedQueue(
      exclusive ? (conversationId, task) => exclusive.run(`conversation:${conversationId}`, task) : undefined,
    );
  }

  private get store() {
    return this.deps.store;
  }

  async startConversation(customer: CustomerProfile): Promise<Conversation> {
    return this.store.conversations.create({ id: randomUUID(), customer });
  }

  async getConversation(conversationId: string): Promise<Conversation> {
    const conversation = await this.store.conversations.get(conversationId);
    if (!conversation) throw new DomainError("not_found", "conversation not found");
    return conversation;
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
   * Stores the customer's message (once per clientId) and lets the graph answer it. Resolves as soon
   * as the message is stored; `processed` settles when the bot has finished with it.
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
      : this.queue.run(conversationId, () => this.onCustomerMessage(conversationId, message));
    return { message, duplicate, processed };
  }

  private async onCustomerMessage(conversationId: string, message: Message): Promise<void> {
    let conversation = await this.getConversation(conversationId);
    if (conversation.status === "resolved") {
      conversation = await moveConversation(this.store, conversationId, { status: "bot" }, ["resolved"]);
      this.deps.notifier.conversationUpdated(conversation);
    }
    // While a person or a pending decision owns the chat, the message waits for them; the bot stays quiet.
    if (conversation.status !== "bot") return;
    const runId = `${conversationId}:${message.seq}`;
    // A recovery sweep (here or on another instance) may have answered it while this waited its turn.
    if (await this.hasRun(runId)) return;
    await this.runGraph({
      runId,
      trigger: "message",
      ...(await this.questionInput(message)),
    });
  }

  private async questionInput(message: Message) {
    const context = await loadContext(this.store, message.conversationId, message.seq);
    return {
      conversationId: message.conversationId,
      question: message.text,
      questionSeq: message.seq,
      ...context,
    };
  }

  /** The customer asks for a person: hand over now, whatever the bot was doing. */
  async requestHuman(conversationId: string, reason: string | undefined): Promise<Conversation> {
    await this.queue.run(conversationId, async () => {
      const conversation = await this.getConversation(conversationId);
      await this.store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "handoff.requested",
        conversationId,
        details: { status: conversation.status, reason: reason ?? null },
      });
      if (conversation.status === "awaiting_approval") {
        const pending = (await this.store.reviews.listByConversation(conversationId)).filter(
          (r) => r.kind === "approval" && r.status === "pending",
        );
        for (const review of pending) {
          await this.applyDecision(
            review,
            { type: "reject", reason: "The customer asked for a person." },
            { type: "customer", id: null, name: null },
          );
        }
        return;
      }
      if (conversation.status !== "bot" && conversation.status !== "resolved") return;
      if (conversation.status === "resolved")
        await moveConversation(this.store, conversationId, { status: "bot" });
      const lastSeq = conversation.lastSeq;
      await this.runGraph({
        runId: `${conversationId}:${lastSeq}:person:${randomUUID().slice(0, 8)}`,
        trigger: "human_request",
        conversationId,
        question: reason?.trim() || "The customer asked to talk to a person.",
        questionSeq: lastSeq,
        ...(await loadContext(this.store, conversationId, lastSeq + 1)),
        routeReason: "customer_request",
        failureReason: "The customer asked to talk to a person.",
      });
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
    return this.queue.run(review.conversationId, () => this.applyDecision(review, decision, asActor(user)));
  }

  private async applyDecision(review: Review, decision: ReviewDecision, actor: Actor): Promise<Review> {
    if (review.kind !== "approval") throw new DomainError("bad_request", "not an approval");
    const decided = await this.store.reviews.decide(review.id, ["pending"], decision, actor.id);
    if (!decided) {
      const current = await this.store.reviews.get(review.id);
      throw new DomainError("conflict", `this review was already ${current?.status ?? "closed"}`);
    }
    await this.store.audit.append({
      actor,
      action: "review.decided",
      conversationId: review.conversationId,
      details: {
        reviewId: review.id,
        decision,
        routeReason: review.packet.routeReason,
        category: review.packet.category,
        draftWords: review.packet.draft.text.split(/\s+/).length,
        waitedMs: Date.parse(decided.decidedAt ?? review.createdAt) - Date.parse(review.createdAt),
      },
    });
    // The customer is waiting on the resume, so it starts first; the consoles' update and the
    // correction are written while it runs (on a worker, in parallel).
    const resume: ReviewResume = { decision, actor };
    await Promise.all([
      this.resumeGraph(review.threadId, resume),
      (async () => {
        this.deps.notifier.reviewUpdated(decided);
        await recordCorrection(this.deps, review, decision, actor);
      })(),
    ]);
    await this.answerWaitingMessages(review);
    return decided;
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
      const conversation = await moveConversation(
        this.store,
        review.conversationId,
        { status: "human", assigneeId: user.id, assigneeName: user.name },
        ["waiting_human"],
      );
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
      const decided = await this.store.reviews.decide(open.id, ["claimed"], { type: outcome }, user.id);
      if (!decided) throw new DomainError("conflict", "this handoff was already closed");
      await this.store.audit.append({
        actor: asActor(user),
        action: "handoff.released",
        conversationId,
        details: { reviewId: open.id, outcome },
      });
      this.deps.notifier.reviewUpdated(decided);
      const resume: HandoffResume = { outcome, actor: asActor(user) };
      await this.resumeGraph(open.threadId, resume);
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
   * After a restart: a decision that was recorded but whose graph never resumed (the process died
   * in between) is applied now. Pending pauses need nothing: their checkpoints wait for a decision.
   */
  async recover(): Promise<number> {
    const exclusive = this.deps.exclusive;
    // With several instances this also runs periodically, to pick up what a dead instance left; one at a time.
    if (exclusive) return (await exclusive.runIfFree("sweep:recovery", () => this.recoverNow())) ?? 0;
    return this.recoverNow();
  }

  private async recoverNow(): Promise<number> {
    let resumed = await this.answerUnansweredMessages();
    // A decision the process died before applying leaves its conversation with a person or a pending
    // review, so only open conversations are looked at, however long the history.
    const open = await this.store.conversations.list({
      statuses: ["awaiting_approval", "waiting_human", "human"],
      limit: 1000,
    });
    for (const conversation of open) {
      for (const review of await this.store.reviews.listByConversation(conversation.id)) {
        if (review.status === "pending" && (await this.replayUnsavedPause(review))) {
          resumed++;
          continue;
        }
        if (review.status !== "decided" || !review.decision || !(await this.isPaused(review.threadId)))
          continue;
        const actor: Actor = { type: review.decidedBy ? "user" : "system", id: review.decidedBy, name: null };
        const resume: ReviewResume | HandoffResume =
          review.kind === "approval"
            ? { decision: review.decision, actor }
            : { outcome: review.decision.type, actor };
        const done = await this.queue.run(review.conversationId, async () => {
          // Another instance (or this one) may have resumed it since it was listed.
          if (!(await this.isPaused(review.threadId))) return false;
          await this.resumeGraph(review.threadId, resume);
          return true;
        });
        if (done) resumed++;
      }
    }
    return resumed;
  }

  /**
   * A message run that opened a pause and crashed before its checkpoint was written: replaying it from
   * the customer's message reopens the same pause (same id) and saves the checkpoint a decision needs.
   */
  private async replayUnsavedPause(review: Review): Promise<boolean> {
    if (await this.hasRun(review.threadId)) return false;
    const recent = await this.store.messages.listRecent(review.conversationId, 50);
    const message = recent.find(
      (m) => m.author === "customer" && `${review.conversationId}:${m.seq}` === review.threadId,
    );
    if (!message) return false;
    return this.queue.run(review.conversationId, async () => {
      if (await this.hasRun(review.threadId)) return false;
      await this.runGraph({
        runId: review.threadId,
        trigger: "message",
        replay: true,
        ...(await this.questionInput(message)),
      });
      return true;
    });
  }

  /** A customer message stored just before a crash, that the bot never got to, is answered now. */
  private async answerUnansweredMessages(): Promise<number> {
    let answered = 0;
    for (const conversation of await this.store.conversations.list({ statuses: ["bot"], limit: 1000 })) {
      const [listed] = await this.store.messages.listRecent(conversation.id, 1);
      if (listed?.author !== "customer") continue;
      const done = await this.queue.run(conversation.id, async () => {
        // Re-read under the conversation's lock: it may have been answered since it was listed.
        const [last] = await this.store.messages.listRecent(conversation.id, 1);
        if (last?.id !== listed.id) return false;
        await this.onCustomerMessage(conversation.id, last);
        return true;
      });
      if (done) answered++;
    }
    return answered;
  }

  /**
   * Applies the timeout policy to every pause whose deadline has passed. Deadlines live in the store,
   * so they hold across restarts; decisions are compare-and-set, so each applies once.
   */
  async applyDueDeadlines(): Promise<number> {
    const exclusive = this.deps.exclusive;
    // With several instances only one sweeps at a time; the others skip this round.
    if (exclusive) return (await exclusive.runIfFree("sweep:deadlines", () => this.applyDeadlines())) ?? 0;
    return this.applyDeadlines();
  }

  private async applyDeadlines(): Promise<number> {
    const due = await this.store.reviews.listDue(this.deps.clock.now().toISOString(), 200);
    let applied = 0;
    for (const listed of due) {
      const done = await this.queue.run(listed.conversationId, async () => {
        // Re-read inside the queue: an agent may have decided or claimed it since it was listed, and then
        // the customer must not be told it timed out.
        const review = await this.store.reviews.get(listed.id);
        if (review?.status !== "pending") return false;
        return review.kind === "approval" ? this.expireApproval(review) : this.remindWaitingCustomer(review);
      });
      if (done) applied++;
    }
    return applied;
  }

  private async expireApproval(review: ApprovalReview): Promise<boolean> {
    const settings = await this.deps.settings();
    const conversation = await this.getConversation(review.conversationId);
    const softGate =
      settings.approvalTimeoutPolicy === "auto_send" &&
      review.packet.riskFlags.length === 0 &&
      settings.softGateCategories.includes(conversation.category ?? "");
    if (!softGate && settings.approvalTimeoutPolicy !== "reject") {
      await postMessage(this.deps, {
        conversationId: review.conversationId,
        clientId: `${review.id}:timeout`,
        author: "system",
        authorName: null,
        text: "Thanks for your patience. This needs a closer look, so I'm passing your conversation to our team now.",
        sources: [],
        internal: false,
      });
    }
    const decision: ReviewDecision = softGate
      ? { type: "approve" }
      : { type: "reject", reason: "No one decided on the draft before its deadline." };
    await this.applyDecision(review, decision, DEADLINE_ACTOR);
    return true;
  }

  /** Nobody picked up a handoff in time: tell the customer once, and offer to reply by email. */
  private async remindWaitingCustomer(review: Review): Promise<boolean> {
    const { duplicate } = await postMessage(this.deps, {
      conversationId: review.conversationId,
      clientId: `${review.id}:timeout`,
      author: "system",
      authorName: null,
      text: "Our team is busier than usual. Leave your email and we'll reply as soon as someone is free, or keep this window open.",
      sources: [],
      internal: false,
    });
    if (!duplicate)
      this.deps.notifier.handoffUnavailable({ conversationId: review.conversationId, reason: "timeout" });
    return !duplicate;
  }

  /** Runs other work on a conversation in its turn (after the bot's run, under its lease). */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(conversationId, task);
  }

  /** Waits for every queued run (graceful shutdown, tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async hasRun(threadId: string): Promise<boolean> {
    return (await this.deps.checkpointer.getTuple({ configurable: { thread_id: threadId } })) !== undefined;
  }

  private async isPaused(threadId: string): Promise<boolean> {
    const state = await this.graph.getState({ configurable: { thread_id: threadId } });
    return state.tasks.some((t) => t.interrupts.length > 0);
  }

  private async runGraph(request: RunRequest) {
    await this.runner.execute({ kind: "run", request });
  }

  private async resumeGraph(threadId: string, resume: ReviewResume | HandoffResume) {
    await this.runner.execute({ kind: "resume", threadId, resume });
  }

  /** A customer message that arrived while a person was deciding is answered once the bot has the chat back. */
  private async answerWaitingMessages(review: Review) {
    const conversation = await this.getConversation(review.conversationId);
    if (conversation.status !== "bot") return;
    const recent = await this.store.messages.listRecent(review.conversationId, 20);
    const waiting = recent.filter((m) => m.author === "customer" && m.createdAt > review.createdAt).at(-1);
    if (!waiting) return;
    await this.runGraph({
      runId: `${review.conversationId}:${waiting.seq}`,
      trigger: "message",
      ...(await this.questionInput(waiting)),
    });
  }
}
