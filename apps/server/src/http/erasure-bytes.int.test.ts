import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { BSON, MongoClient } from "mongodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Correction, CustomerErasure, Review } from "@handoff/contracts";
import { openMongoStore } from "@handoff/store";
import type { PlatformOverrides } from "../app/create-platform";
import {
  api,
  connectAgent,
  connectCustomer,
  nextMessage,
  nextReview,
  startTestServer,
  startRedis,
  SUPERVISOR,
  type ConsoleSocket,
  type RedisProcess,
  type SocketTarget,
  type TestServer,
} from "../testing";
import { useServerProcesses } from "../testing/server-processes";

// Attack corpus, class "erasure bytes": after POST /api/privacy/erase, nothing the customer wrote
// (or an agent wrote from their case) can be read back from the database's bytes, and no other
// conversation's pending draft still carries the correction drawn from them.
const MARK = "q7x";
const EMAIL = `ada.${MARK}@example.com`;
const QUESTION = "Please cancel my subscription today.";
const FOLLOW_UP = `Thanks. If you need it, my locker code is ${MARK}-4410.`;
const NOTE = `call me after six, ${MARK}-note`;
const ANSWER = `Done: your subscription ends today (ticket ${MARK}-answer).`;
const NEEDLES = [EMAIL, MARK, "locker code"];

interface Variant {
  name: string;
  start: () => Promise<TestServer>;
  /** Every needle still found in stored bytes, with where it was. */
  leftovers: (server: TestServer) => Promise<string[]>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

const started = async (opts: Parameters<typeof startTestServer>[0]) => {
  const server = await startTestServer(opts);
  servers.push(server);
  return server;
};

/** What `grep -a` finds in the data folder: the database, its -wal and -shm, any other file. */
async function fileLeftovers(server: TestServer): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(server.dataDir)) {
    const bytes = await readFile(path.join(server.dataDir, name));
    for (const needle of NEEDLES) if (bytes.includes(needle)) found.push(`"${needle}" in ${name}`);
  }
  return found;
}

const variants: Variant[] = [
  { name: "SQLite", start: () => started({}), leftovers: fileLeftovers },
  {
    // The default in production: the graph runs on a worker with its own connection to the file.
    name: "SQLite with the graph worker",
    start: () => started({ env: { GRAPH_WORKER: "on" } }),
    leftovers: fileLeftovers,
  },
];

const uri = process.env.MONGODB_URI;
if (uri) {
  const admin = new MongoClient(uri);
  afterAll(() => admin.close());
  const databases = new Map<TestServer, string>();
  variants.push({
    name: "MongoDB",
    start: async () => {
      const dbName = `handoff_erasure_${randomUUID().slice(0, 8)}`;
      const overrides: PlatformOverrides = { storage: await openMongoStore({ uri, dbName }) };
      const server = await started({ overrides });
      databases.set(server, dbName);
      return server;
    },
    // Every document of every collection, checkpoints and their writes included, as the driver reads it.
    async leftovers(server) {
      const db = admin.db(databases.get(server));
      const found: string[] = [];
      for (const { name } of await db.listCollections().toArray()) {
        for (const doc of await db.collection(name).find().toArray()) {
          const bytes = Buffer.from(BSON.serialize(doc));
          for (const needle of NEEDLES) if (bytes.includes(needle)) found.push(`"${needle}" in ${name}`);
        }
      }
      return found;
    },
  });
}

/**
 * Ada asks to cancel; an agent edits the draft, so a correction is drawn from her conversation, and a
 * supervisor approves it. She writes her locker code and leaves her email and a note.
 */
async function adaWithCorrection(server: SocketTarget, agent: ConsoleSocket, supervisor: string) {
  const visitor = await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {
    customer: { name: "Ada", email: EMAIL },
  });
  const ada = await connectCustomer(server, visitor.body);
  const adaReview = nextReview(agent, "review:created", (r) => r.conversationId === ada.conversationId);
  await ada.socket.emitWithAck("message:send", { clientId: "a1", text: QUESTION });
  await agent.emitWithAck("review:decide", {
    reviewId: (await adaReview).id,
    decision: { type: "edit", text: ANSWER },
  });
  await ada.socket.emitWithAck("message:send", { clientId: "a2", text: FOLLOW_UP });
  await ada.socket.emitWithAck("contact:leave", { email: EMAIL, note: NOTE });
  const drawn = await vi.waitFor(async () => {
    const listed = await api<{ corrections: Correction[] }>(
      server,
      "GET",
      `/api/corrections?q=${MARK}`,
      undefined,
      supervisor,
    );
    const [found] = listed.body.corrections.filter((c) => c.conversationId === ada.conversationId);
    if (!found) throw new Error("no correction was drawn from Ada's conversation yet");
    return found;
  });
  const approved = await api(server, "POST", `/api/corrections/${drawn.id}/approve`, {}, supervisor);
  expect(approved.status).toBe(200);
  return { ada, drawn };
}

/** A new customer asks what Ada asked; the review their question opens. */
async function askAsGrace(server: SocketTarget, agent: ConsoleSocket) {
  const grace = await connectCustomer(server);
  const opened = nextReview(
    agent,
    "review:created",
    (r) => r.conversationId === grace.conversationId,
    15_000,
  );
  await grace.socket.emitWithAck("message:send", { clientId: "g1", text: QUESTION });
  return { grace, pending: await opened };
}

const supervisorToken = async (server: SocketTarget) =>
  (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;

const citesCorrection = (review: Review, id: string) => JSON.stringify(review.packet).includes(id);

describe.each(variants)("erasing a customer on $name", ({ start, leftovers }) => {
  it(
    "leaves none of their bytes behind, and takes the correction drawn from them out of the store, the index and another customer's pending draft",
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const supervisor = await supervisorToken(server);
      const agent = await connectAgent(server);
      const { ada, drawn } = await adaWithCorrection(server, agent.socket, supervisor);
      const { grace, pending } = await askAsGrace(server, agent.socket);
      // The scenario holds: Grace's waiting draft is Ada's correction, and the bytes are there to find.
      expect(pending.kind === "approval" && pending.packet.draft.text).toBe(ANSWER);
      expect(citesCorrection(pending, drawn.id)).toBe(true);
      expect(await leftovers(server)).not.toEqual([]);

      // Ada has left: the test's sockets share one connection, which an erasure closes under her widget.
      ada.socket.disconnect();
      const redrafted = nextReview(agent.socket, "review:updated", (r) => r.id === pending.id);
      redrafted.catch(() => undefined); // awaited below, once the bytes are checked
      const res = await api<{ erased: CustomerErasure }>(
        server,
        "POST",
        "/api/privacy/erase",
        { customer: { email: EMAIL }, confirm: true },
        supervisor,
      );
      expect(res.status).toBe(200);
      expect(await leftovers(server)).toEqual([]);
      expect(res.body.erased).toMatchObject({ conversations: 1, corrections: 1 });
      expect(res.body.erased.citationsRemoved).toBeGreaterThan(0);
      expect(await server.platform.store.corrections.get(drawn.id)).toBeNull();
      expect(
        server.platform.knowledge.index.search("cancel my subscription today").hits.map((h) => h.id),
      ).not.toContain(drawn.id);

      // Grace's review is still waiting, without Ada's answer or anything quoting her, and the agent's
      // console was told at once; what the agent now sees is what approving sends.
      const updated = await redrafted;
      const stored = await server.platform.store.reviews.get(pending.id);
      expect(stored).toEqual(updated);
      expect(updated).toMatchObject({ status: "pending", kind: "approval" });
      expect(citesCorrection(updated, drawn.id)).toBe(false);
      expect(JSON.stringify(updated)).not.toContain(MARK);
      const shown = updated.kind === "approval" ? updated.packet.draft : null;
      const sent = nextMessage(grace.socket, (m) => m.author !== "customer");
      const ack = await agent.socket.emitWithAck("review:decide", {
        reviewId: pending.id,
        decision: { type: "approve" },
      });
      expect(ack.ok).toBe(true);
      const reply = await sent;
      expect(reply.text).toBe(shown?.text);
      expect(reply.text).not.toContain(MARK);
      expect(reply.sources.map((s) => s.id)).not.toContain(drawn.id);

      const [audited] = await server.platform.store.audit.list({ action: "customer.erased", limit: 1 });
      expect(audited?.details).toMatchObject({ citationsRemoved: res.body.erased.citationsRemoved });
    },
  );
});

describe("erasing a customer with two instances on one store", () => {
  let redis: RedisProcess;
  const processes = useServerProcesses("erasure");
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /** Asks on `server` until the review's draft does (or no longer does) cite the correction. */
  async function untilCiting(server: SocketTarget, agent: ConsoleSocket, id: string, citing: boolean) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { pending } = await askAsGrace(server, agent);
      if (citesCorrection(pending, id) === citing || Date.now() > deadline) return pending;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it(
    "the correction drawn from them stops being an answer on the other instance too",
    // Two server processes with their graph workers start here, the slowest part on a busy machine.
    { timeout: 120_000 },
    async () => {
      const dataDir = await processes.dataDir();
      const env = { REDIS_URL: redis.url, LOG_LEVEL: "info" };
      const a = await processes.start(dataDir, { ...env, INSTANCE_ID: "instance-a" });
      const b = await processes.start(dataDir, { ...env, INSTANCE_ID: "instance-b" });
      const supervisor = await supervisorToken(a.target);
      const agent = await connectAgent(a.target);
      const { ada, drawn } = await adaWithCorrection(a.target, agent.socket, supervisor);
      // B learnt of the approval from A; its drafts now come from the correction.
      expect(citesCorrection(await untilCiting(b.target, agent.socket, drawn.id, true), drawn.id)).toBe(true);
      ada.socket.disconnect(); // see above: the erasure would close the connection the console shares

      const erased = await api(
        a.server,
        "POST",
        "/api/privacy/erase",
        { customer: { email: EMAIL }, confirm: true },
        supervisor,
      );
      expect(erased.status).toBe(200);
      const after = await untilCiting(b.target, agent.socket, drawn.id, false);
      expect(citesCorrection(after, drawn.id)).toBe(false);
      expect(JSON.stringify(after)).not.toContain(MARK);
    },
  );
});
