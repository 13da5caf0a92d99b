import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { runStoreContractSuite } from "../contract-suite";
import { sampleCheckpoint } from "../contract/checkpointer";
import { approvalReview, customerMessage } from "../contract/fixtures";
import { MIGRATION_VERSIONS, SCHEMA_VERSION } from "./schema";
import { openSqliteStore } from "./sqlite-store";

// The whole contract again on a real file: WAL, file locking and the parent-folder creation are in play.
runStoreContractSuite("SQLite (file)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "handoff-store-"));
  const opened = await openSqliteStore({ file: join(dir, "nested", "app.db") });
  return { ...opened, cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe("SQLite store on disk", () => {
  let dir = "";
  let file = "";

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "handoff-store-"));
    file = join(dir, "data", "handoff.db");
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps app data and graph checkpoints across close and reopen", async () => {
    const first = await openSqliteStore({ file });
    await first.store.conversations.create({ id: "conv-1", customer: { name: "Ada" } });
    await first.store.messages.append(customerMessage("conv-1", { clientId: "c-1", text: "Refund please" }));
    const review = approvalReview({ conversationId: "conv-1" });
    await first.store.reviews.create(review);
    await first.store.kv.set("seeded", true);
    const checkpoint = sampleCheckpoint({ question: "Refund please" });
    await first.checkpointer.put(
      { configurable: { thread_id: "conv-1", checkpoint_ns: "" } },
      checkpoint,
      { source: "loop", step: 1, parents: {} },
      checkpoint.channel_versions,
    );
    await first.store.close();

    const second = await openSqliteStore({ file });
    try {
      expect(await second.store.conversations.get("conv-1")).toMatchObject({
        lastSeq: 1,
        lastMessagePreview: "Refund please",
      });
      const retry = await second.store.messages.append(customerMessage("conv-1", { clientId: "c-1" }));
      expect(retry).toMatchObject({ duplicate: true, message: { seq: 1 } });
      const next = await second.store.messages.append(customerMessage("conv-1", { text: "Hello?" }));
      expect(next.message.seq).toBe(2);
      expect(await second.store.reviews.listByStatus(["pending"], 10)).toEqual([review]);
      expect(await second.store.kv.get("seeded")).toBe(true);
      const tuple = await second.checkpointer.getTuple({ configurable: { thread_id: "conv-1" } });
      expect(tuple?.checkpoint).toEqual(checkpoint);
    } finally {
      await second.store.close();
    }
  });

  it("records the schema version once, however often the file is opened", async () => {
    for (let i = 0; i < 3; i++) await (await openSqliteStore({ file })).store.close();
    const db = new Database(file, { readonly: true });
    try {
      const rows = z
        .array(z.object({ version: z.number() }))
        .parse(db.prepare("SELECT version FROM schema_migrations").all());
      expect(rows.map((r) => r.version)).toEqual(MIGRATION_VERSIONS);
    } finally {
      db.close();
    }
  });

  it("refuses a file written by a newer schema instead of misreading it", async () => {
    await (await openSqliteStore({ file })).store.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(
      SCHEMA_VERSION + 1,
      new Date().toISOString(),
    );
    db.close();
    await expect(openSqliteStore({ file })).rejects.toThrow(/newer/);
  });

  it("lets a store on a second connection to the same file see committed writes", async () => {
    const writer = await openSqliteStore({ file });
    const reader = await openSqliteStore({ file });
    try {
      await writer.store.conversations.create({ id: "conv-2", customer: {} });
      await Promise.all([
        writer.store.messages.append(customerMessage("conv-2")),
        reader.store.messages.append(customerMessage("conv-2")),
      ]);
      expect((await reader.store.messages.listSince("conv-2", 0)).map((m) => m.seq)).toEqual([1, 2]);
    } finally {
      await writer.store.close();
      await reader.store.close();
    }
  });
});
