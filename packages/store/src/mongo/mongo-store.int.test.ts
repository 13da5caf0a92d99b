import { randomUUID } from "node:crypto";
import { MongoClient, ObjectId } from "mongodb";
import { createConnection } from "mongoose";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { runStoreContractSuite } from "../contract-suite";
import { sampleCheckpoint } from "../contract/checkpointer";
import { customerMessage, newConversation } from "../contract/fixtures";
import { openMongoStore, type MongoStore } from "./mongo-store";
import { userModel } from "./user-model";

// Runs against whatever MONGODB_URI points at: CI's mongo-double, or a real MongoDB
// (e.g. `MONGODB_URI=mongodb://localhost:27017/ npx vitest run --root packages/store src/mongo`).
const uri = process.env.MONGODB_URI;

if (uri === undefined || uri === "") {
  // Printed as well as named, so a run that silently skipped MongoDB is noticed in the log.
  console.warn("MongoDB store tests skipped: MONGODB_URI is not set (CI starts ../shared/mongo-double)");
  describe.skip("MongoDB store: skipped, set MONGODB_URI to run it (CI starts ../shared/mongo-double)", () => {
    it("needs MONGODB_URI", () => {});
  });
} else {
  describeMongo(uri);
}

function describeMongo(uri: string): void {
  // One client outside the stores under test, to drop each test's database after its store closed.
  const admin = new MongoClient(uri);
  afterAll(() => admin.close());

  /** A fresh database name per test, so no test sees another's data. */
  const freshDbName = () => `handoff_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const drop = (dbName: string) =>
    admin
      .db(dbName)
      .dropDatabase()
      .then(() => undefined);

  runStoreContractSuite("MongoDB", async () => {
    const dbName = freshDbName();
    const opened = await openMongoStore({ uri, dbName });
    return { ...opened, cleanup: () => drop(dbName) };
  });

  describe("MongoDB store", () => {
    let dbName = "";
    const open: MongoStore[] = [];
    const openStore = async (extra: { checkpointsPerThread?: number } = {}) => {
      const opened = await openMongoStore({ uri, dbName, ...extra });
      open.push(opened);
      return opened;
    };

    beforeEach(() => {
      dbName = freshDbName();
    });

    afterEach(async () => {
      for (const opened of open.splice(0)) await opened.store.close();
      await drop(dbName);
    });

    it("ignores operator objects smuggled in where a string is expected", async () => {
      const { store } = await openStore();
      await store.users.create({
        email: "grace@example.com",
        name: "Grace",
        role: "agent",
        passwordHash: "h",
      });
      const conv = await newConversation(store);
      await store.messages.append(customerMessage(conv.id));
      await store.sessions.create({
        tokenHash: "hash-1",
        userId: "user-1",
        expiresAt: new Date().toISOString(),
      });
      await store.kv.set("secret", "s3cr3t");

      // What JSON.parse of a hostile request body would hand over.
      const injection: string = JSON.parse('{ "$ne": null }');
      const attempts = [
        () => store.users.findByEmail(injection),
        () => store.users.get(injection),
        () => store.conversations.get(injection),
        () => store.conversations.transition(injection, ["bot"], { status: "resolved" }),
        () => store.messages.listSince(injection, 0),
        () => store.messages.listRecent(injection, 10),
        () => store.reviews.get(injection),
        () => store.reviews.listByConversation(injection),
        () => store.sessions.find(injection),
        () => store.kv.get(injection),
        () => store.corrections.get(injection),
        () => store.audit.list({ conversationId: injection, limit: 10 }),
      ];
      for (const attempt of attempts) {
        const outcome = await attempt().then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        // Either refused outright or an empty answer: never someone else's data.
        if ("value" in outcome) expect(outcome.value ?? []).toEqual([]);
        else expect(outcome.error).toBeInstanceOf(Error);
      }
      expect((await store.conversations.get(conv.id))?.status).toBe("bot");
    });

    it("neutralises an operator object even when it reaches a query unchecked (sanitizeFilter)", async () => {
      const { store } = await openStore();
      await store.users.create({
        email: "grace@example.com",
        name: "Grace",
        role: "agent",
        passwordHash: "h",
      });
      // The same connection options as the store, on a model with no repo in front of it.
      const connection = createConnection(uri, { dbName, sanitizeFilter: true, autoIndex: false });
      try {
        await connection.asPromise();
        const users = userModel(connection);
        const hostile: string = JSON.parse('{ "$ne": null }');
        await expect(users.findOne({ email: hostile }).lean()).rejects.toThrow();
        expect(await users.find({ email: { $eq: "grace@example.com" } }).lean()).toHaveLength(1);
      } finally {
        await connection.close();
      }
    });

    it("lets two stores on separate connections append concurrently without gaps or duplicates", async () => {
      const a = await openStore();
      const b = await openStore();
      const conv = await newConversation(a.store);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).store.messages.append(customerMessage(conv.id, { text: `m${i}` })),
        ),
      );
      expect(results.every((r) => !r.duplicate)).toBe(true);
      const stored = await b.store.messages.listSince(conv.id, 0);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await a.store.conversations.get(conv.id))?.lastSeq).toBe(20);

      // The same send retried through both servers at once is stored once.
      const retries = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? a : b).store.messages.append(customerMessage(conv.id, { clientId: "burst" })),
        ),
      );
      expect(retries.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(retries.map((r) => r.message.seq))).toEqual(new Set([21]));
      expect(await a.store.messages.listSince(conv.id, 20)).toHaveLength(1);
    });

    it("keeps data and checkpoints across close and reopen", async () => {
      const first = await openStore();
      const conv = await newConversation(first.store);
      await first.store.messages.append(customerMessage(conv.id, { clientId: "c-1", text: "Refund please" }));
      const checkpoint = sampleCheckpoint({ question: "Refund please" });
      await first.checkpointer.put(
        { configurable: { thread_id: conv.id, checkpoint_ns: "" } },
        checkpoint,
        { source: "loop", step: 1, parents: {} },
        checkpoint.channel_versions,
      );
      await first.store.close();

      const second = await openStore();
      expect(await second.store.conversations.get(conv.id)).toMatchObject({
        lastSeq: 1,
        lastMessagePreview: "Refund please",
      });
      const retry = await second.store.messages.append(customerMessage(conv.id, { clientId: "c-1" }));
      expect(retry).toMatchObject({ duplicate: true, message: { seq: 1 } });
      expect((await second.store.messages.append(customerMessage(conv.id))).message.seq).toBe(2);
      const tuple = await second.checkpointer.getTuple({ configurable: { thread_id: conv.id } });
      expect(tuple?.checkpoint).toEqual(checkpoint);
    });

    it("finds by word the audit events an older version stored without search text", async () => {
      await admin
        .db(dbName)
        .collection("audit_events")
        .insertOne({
          _id: new ObjectId(),
          at: new Date("2026-01-02T03:04:05.000Z"),
          actor: { type: "system", id: null, name: "deadline" },
          action: "review.decided",
          conversationId: "c-old",
          details: { reason: "The kiwi shipment is late" },
        });
      const { store } = await openStore();
      const found = await store.audit.list({ text: "KIWI", limit: 10 });
      expect(found.map((e) => e.conversationId)).toEqual(["c-old"]);
    });

    it("keeps only the newest checkpoints of a thread", async () => {
      const { checkpointer } = await openStore({ checkpointsPerThread: 2 });
      let config: Parameters<typeof checkpointer.put>[0] = {
        configurable: { thread_id: "thread-1", checkpoint_ns: "" },
      };
      const saved = [];
      for (let step = 0; step < 5; step++) {
        const checkpoint = sampleCheckpoint({ step });
        saved.push(checkpoint);
        config = await checkpointer.put(config, checkpoint, { source: "loop", step, parents: {} }, {});
        await checkpointer.putWrites(config, [["note", step]], `task-${step}`);
      }
      const kept = [];
      for await (const tuple of checkpointer.list({ configurable: { thread_id: "thread-1" } }))
        kept.push(tuple);
      expect(kept.map((t) => t.checkpoint.id)).toEqual([saved[4]?.id, saved[3]?.id]);
      expect(kept[0]?.pendingWrites).toEqual([["task-4", "note", 4]]);
      const writes = await admin.db(dbName).collection("checkpoint_writes").countDocuments();
      expect(writes).toBe(2);
    });

    it("declares the indexes its queries need", async () => {
      await openStore();
      const indexes = async (name: string) =>
        (await admin.db(dbName).collection(name).indexes()).map((ix) => ({
          key: ix.key,
          unique: ix.unique ?? false,
          partial: ix.partialFilterExpression ?? null,
        }));
      expect(await indexes("messages")).toEqual(
        expect.arrayContaining([
          { key: { conversationId: 1, seq: 1 }, unique: true, partial: null },
          {
            key: { conversationId: 1, clientId: 1 },
            unique: true,
            partial: { clientId: { $type: "string" } },
          },
        ]),
      );
      expect(await indexes("users")).toEqual(
        expect.arrayContaining([{ key: { email: 1 }, unique: true, partial: null }]),
      );
      expect(await indexes("corrections")).toEqual(
        expect.arrayContaining([
          { key: { sourceKey: 1 }, unique: true, partial: { sourceKey: { $type: "string" } } },
        ]),
      );
      expect(await indexes("reviews")).toEqual(
        expect.arrayContaining([{ key: { status: 1, deadlineTime: 1 }, unique: false, partial: null }]),
      );
      expect(await indexes("checkpoints")).toEqual(
        expect.arrayContaining([
          { key: { thread_id: 1, checkpoint_ns: 1, checkpoint_id: -1 }, unique: false, partial: null },
        ]),
      );
      // Opening again (a second server, or a restart) finds the indexes in place and changes nothing.
      const before = await indexes("messages");
      await openStore();
      expect(await indexes("messages")).toEqual(before);
    });
  });
}
