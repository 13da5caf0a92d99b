import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ConversationStatus, Inbox } from "@handoff/contracts";
import type { BaseCheckpointSaver, Store } from "@handoff/core";
import { openMongoStore, openSqliteStore } from "@handoff/store";
import { startServerProcess, type ServerProcess } from "../server-process";
import { connectAgent, connectCustomer, type SocketTarget } from "../test-server";
import { QUESTIONS, decisionFor, type ModelAction } from "./actions";
import { checkInvariants } from "./invariants";

type Customer = Awaited<ReturnType<typeof connectCustomer>>;
type Agent = Awaited<ReturnType<typeof connectAgent>>;

/**
 * Runs model actions against a real server process over Socket.IO, killing it with SIGKILL for a
 * crash; the invariants read the same store through a connection of the test's own.
 */
export class ProcessModel {
  private server!: ServerProcess;
  private target!: SocketTarget;
  private customers: Customer[] = [];
  private agent!: Agent;
  private readonly last = new Map<string, ConversationStatus>();
  private storage!: { store: Store; checkpointer: BaseCheckpointSaver };
  private dataDir = "";
  private env: Record<string, string> = {};

  /** Starts the first process on a fresh store (MongoDB when `mongoUri` is given, else SQLite). */
  async begin(mongoUri?: string): Promise<void> {
    this.dataDir = await mkdtemp(path.join(tmpdir(), "handoff-model-"));
    if (mongoUri) {
      const dbName = `model_${randomUUID().slice(0, 8)}`;
      const uri = new URL(mongoUri);
      uri.pathname = `/${dbName}`;
      this.env = { MONGODB_URI: uri.toString() };
      this.storage = await openMongoStore({ uri: mongoUri, dbName });
    } else {
      // The child inherits this process's environment: a MONGODB_URI there must not win over SQLite.
      this.env = { MONGODB_URI: "" };
      this.storage = await openSqliteStore({ file: path.join(this.dataDir, "handoff.db") });
    }
    await this.start();
    for (let i = 0; i < 3; i++) this.customers.push(await connectCustomer(this.target));
  }

  async dispose(): Promise<void> {
    this.disconnect();
    await this.server?.kill("SIGKILL");
    await this.storage?.store.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** Applies one action; resolves with whether the server is done with everything it started. */
  async step(action: ModelAction): Promise<boolean> {
    const open = await this.openReviews();
    const chosen = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];
    const desk = this.agent.socket;
    switch (action.do) {
      case "ask": {
        const customer = this.customers[action.customer];
        const sent = customer?.socket.emitWithAck("message:send", {
          clientId: randomUUID(),
          text: QUESTIONS[action.q],
        });
        if (!action.wait) {
          // A crash may cut the socket before the ack: the server's store says what happened.
          sent?.catch(() => undefined);
          return false;
        }
        await sent;
        break;
      }
      case "decide": {
        const review = chosen(
          open.filter((r) => r.kind === "approval"),
          action.pick,
        );
        if (review?.kind !== "approval") break;
        const decided = desk.emitWithAck("review:decide", {
          reviewId: review.id,
          decision: decisionFor(action.decision, review),
        });
        if (!action.wait) {
          decided.catch(() => undefined);
          return false;
        }
        await decided;
        break;
      }
      case "claim": {
        const review = chosen(
          open.filter((r) => r.kind === "handoff" && r.status === "pending"),
          action.pick,
        );
        if (review) await desk.emitWithAck("handoff:claim", { reviewId: review.id });
        break;
      }
      case "agent_reply": {
        const review = chosen(
          open.filter((r) => r.status === "claimed"),
          action.pick,
        );
        if (review)
          await desk.emitWithAck("message:send", {
            conversationId: review.conversationId,
            clientId: randomUUID(),
            text: "Here is what I found: it ships tomorrow with express delivery.",
          });
        break;
      }
      case "release": {
        const review = chosen(
          open.filter((r) => r.status === "claimed"),
          action.pick,
        );
        if (review)
          await desk.emitWithAck("handoff:release", {
            conversationId: review.conversationId,
            outcome: action.outcome,
          });
        break;
      }
      case "request_person":
        await this.customers[action.customer]?.socket.emitWithAck("handoff:request", {});
        break;
      case "timeout":
        // A process's clock cannot be moved; deadlines are the in-process model's.
        break;
      case "restart":
        await this.settle();
        await this.restart("SIGTERM");
        break;
      case "crash":
        await sleep(action.turns);
        await this.restart("SIGKILL");
        break;
    }
    return this.settle();
  }

  check(settled: boolean): Promise<string[]> {
    const ids = this.customers.map((c) => c.conversationId);
    const inbox = async (): Promise<Inbox> => {
      const listed = await this.agent.socket.emitWithAck("inbox:list", {});
      if (!listed.ok) throw new Error(listed.error.message);
      return listed.data;
    };
    return checkInvariants({ ...this.storage, inbox }, ids, this.last, settled);
  }

  private async start(): Promise<void> {
    this.server = await startServerProcess(this.dataDir, this.env, { startTimeoutMs: 60_000 });
    this.target = { url: this.server.url, sockets: [] };
    this.agent = await connectAgent(this.target);
  }

  private async restart(signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    this.disconnect();
    await this.server.kill(signal);
    await this.start();
    const sessions = this.customers.splice(0);
    for (const c of sessions) this.customers.push(await connectCustomer(this.target, c));
  }

  private disconnect() {
    for (const s of this.target?.sockets ?? []) s.disconnect();
  }

  /** Waits until nothing is queued or unapplied and the transcripts stop growing. */
  private async settle(): Promise<boolean> {
    let before = "";
    for (let i = 0; i < 240; i++) {
      const ids = this.customers.map((c) => c.conversationId);
      const state = await Promise.all(
        ids.map(async (id) => ({
          handling: await this.storage.store.messages.listHandling(id),
          last: (await this.storage.store.conversations.get(id))?.lastSeq,
        })),
      );
      const unapplied = await this.storage.store.reviews.listUnapplied(
        new Date(Date.now() + 3_600_000).toISOString(),
        50,
      );
      const busy =
        state.some((s) => s.handling.some((h) => h.handling === "queued")) ||
        unapplied.some((r) => ids.includes(r.conversationId));
      const now = JSON.stringify(state);
      if (!busy && now === before) return true;
      before = now;
      await sleep(250);
    }
    return false;
  }

  private async openReviews() {
    const all = await Promise.all(
      this.customers.map((c) => this.storage.store.reviews.listByConversation(c.conversationId)),
    );
    return all
      .flat()
      .filter((r) => r.status === "pending" || r.status === "claimed")
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
