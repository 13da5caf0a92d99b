import { randomUUID } from "node:crypto";
import type { ConversationStatus, User } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { PlatformOverrides } from "../../app/create-platform";
import { movableClock } from "../movable-clock";
import { AGENT, startTestServer, type TestServer } from "../test-server";
import { QUESTIONS, decisionFor, type ModelAction } from "./actions";
import { checkInvariants, type ModelView } from "./invariants";

/** Opens the store a model server runs on, again on every call. */
type Open = () => Promise<PlatformOverrides>;

/**
 * Runs model actions against an in-process server through the platform's services (what the socket
 * handlers call), restarting it gracefully or, on SQLite, crashing it by closing its store under the
 * work in flight. One server serves many sequences; each sequence has conversations of its own.
 */
export class InProcessModel {
  private server!: TestServer;
  private agent!: User;
  private readonly clock = movableClock();
  private conversations: string[] = [];
  private last = new Map<string, ConversationStatus>();
  /** Work left running, each settling with the error it failed with (or null). */
  private inflight: Array<Promise<unknown>> = [];
  private sequences = 0;

  private open!: Open;

  constructor(
    /** A fresh store that can be reopened (a StoreVariant's `reopenable`). */
    private readonly freshStore: () => Open,
    /** Whether "crash" closes the store under running work (SQLite), or restarts gracefully. */
    private readonly canCrash: boolean,
    /** Sequences one server serves before a fresh one (and a fresh store) replaces it. */
    private readonly sequencesPerServer = 40,
  ) {}

  /** Starts a sequence: three new customers, on a fresh server now and then. */
  async begin(): Promise<void> {
    if (!this.server || this.sequences++ % this.sequencesPerServer === 0) {
      await this.server?.dispose();
      this.open = this.freshStore();
      this.server = await this.start();
    }
    this.conversations = [];
    this.last = new Map();
    for (let i = 0; i < 3; i++)
      this.conversations.push((await this.server.platform.conversations.startConversation({})).id);
  }

  async dispose(): Promise<void> {
    await this.server?.dispose();
  }

  /** Applies one action; resolves with whether everything it started has finished. */
  async step(action: ModelAction): Promise<boolean> {
    const services = this.server.platform.conversations;
    const open = await this.openReviews();
    const chosen = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];
    switch (action.do) {
      case "ask": {
        const conversationId = this.conversations[action.customer] ?? "";
        const { processed } = await services.receiveCustomerMessage(conversationId, {
          clientId: randomUUID(),
          text: QUESTIONS[action.q],
        });
        return this.finish(processed, action.wait);
      }
      case "decide": {
        const review = chosen(
          open.filter((r) => r.kind === "approval"),
          action.pick,
        );
        if (review?.kind !== "approval") break;
        return this.finish(
          refusable(services.decideReview(review.id, decisionFor(action.decision, review), this.agent)),
          action.wait,
        );
      }
      case "claim": {
        const review = chosen(
          open.filter((r) => r.kind === "handoff" && r.status === "pending"),
          action.pick,
        );
        if (review) await refusable(services.claimHandoff(review.id, this.agent));
        break;
      }
      case "agent_reply": {
        const review = chosen(
          open.filter((r) => r.status === "claimed"),
          action.pick,
        );
        if (review)
          await refusable(
            services.sendAgentMessage(review.conversationId, this.agent, {
              clientId: randomUUID(),
              text: "Here is what I found: it ships tomorrow with express delivery.",
              internal: false,
            }),
          );
        break;
      }
      case "release": {
        const review = chosen(
          open.filter((r) => r.status === "claimed"),
          action.pick,
        );
        if (!review) break;
        return this.finish(
          refusable(services.releaseHandoff(review.conversationId, action.outcome, this.agent)),
          action.wait,
        );
      }
      case "request_person":
        await refusable(services.requestHuman(this.conversations[action.customer] ?? "", undefined));
        break;
      case "timeout":
        this.clock.advanceMinutes(31);
        await services.applyDueDeadlines();
        break;
      case "restart":
        await this.drain();
        this.server = await this.replace(this.server, () => this.server.stopKeepingData());
        break;
      case "crash":
        this.server = await this.replace(this.server, async () => {
          if (!this.canCrash) return this.server.stopKeepingData();
          const dying = this.server;
          for (let turn = 0; turn < action.turns; turn++)
            await new Promise((resolve) => setImmediate(resolve));
          // Anything still running fails at its next read or write, as if the process had died there.
          await dying.platform.store.close();
          // What the crash cut short fails as it may: what it left is recovery's to finish.
          await Promise.all(this.inflight.splice(0));
          await dying.stop().catch(() => undefined);
        });
        break;
    }
    return this.settle();
  }

  /** Waits for `work` and everything else in flight, or with `wait` false, lets it run on. */
  private async finish(work: Promise<unknown>, wait: boolean): Promise<boolean> {
    if (!wait) {
      // Caught now so it is never an unhandled rejection; drain() rethrows it unless a crash came first.
      this.inflight.push(
        work.then(
          () => null,
          (err: unknown) => err,
        ),
      );
      return false;
    }
    await work;
    return this.settle();
  }

  private async settle(): Promise<boolean> {
    await this.server.platform.conversations.idle();
    await this.drain();
    return true;
  }

  /** Waits for the work left running and fails with the first error it had. */
  private async drain(): Promise<void> {
    const failed = (await Promise.all(this.inflight.splice(0))).find((err) => err !== null);
    if (failed !== undefined) throw failed;
  }

  /** Checks the invariants on this sequence's conversations. */
  check(settled: boolean): Promise<string[]> {
    return checkInvariants(this.view(), this.conversations, this.last, settled);
  }

  private view(): ModelView {
    const { platform } = this.server;
    return {
      store: platform.store,
      checkpointer: platform.checkpointer,
      inbox: () => platform.conversations.inbox({ includeResolved: false }),
    };
  }

  private async openReviews() {
    const all = await Promise.all(
      this.conversations.map((id) => this.server.platform.store.reviews.listByConversation(id)),
    );
    return all
      .flat()
      .filter((r) => r.status === "pending" || r.status === "claimed")
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  private async start(dataDir?: string): Promise<TestServer> {
    const server = await startTestServer({
      dataDir,
      overrides: { ...(await this.open()), clock: this.clock },
    });
    const found = await server.platform.store.users.findByEmail(AGENT.email);
    if (!found) throw new Error("the demo agent was not seeded");
    this.agent = found.user;
    return server;
  }

  private async replace(server: TestServer, stop: () => Promise<unknown>): Promise<TestServer> {
    await stop();
    // The server always starts, and startTestServer waits for its recovery.
    return this.start(server.dataDir);
  }
}

/** Runs an action a person might be refused (a race, a closed handoff): refusals are fine, bugs are not. */
async function refusable(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
}
