import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { redactAuditDetails } from "@handoff/core";
import { sampleCheckpoint } from "../contract/checkpointer";
import { approvalReview, correction, customerMessage } from "../contract/fixtures";
import { openSqliteStore } from "./sqlite-store";

// Attack corpus, class "erasure bytes": what `grep -a` finds in the files after an erasure.
const EMAIL = "ada.zq7@example.com";
const SECRET = "my locker code is zq7-4410";

/** The distinctive strings still readable in any file of the folder (database, -wal, -shm). */
async function leftovers(dir: string, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir)) {
    const bytes = await readFile(join(dir, name));
    for (const needle of needles) if (bytes.includes(needle)) found.push(`${needle} in ${name}`);
  }
  return found;
}

describe("SQLite erasure on disk", () => {
  let dir = "";
  let file = "";

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "handoff-erasure-"));
    file = join(dir, "handoff.db");
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves none of the customer's bytes in the database, its write-ahead log or shared memory", async () => {
    const { store, checkpointer } = await openSqliteStore({ file });
    try {
      const ada = await store.conversations.create({ id: "conv-ada", customer: { email: EMAIL } });
      // Updated rows leave their old versions behind too: the preview changes with every message.
      for (let i = 0; i < 20; i++)
        await store.messages.append(customerMessage(ada.id, { text: `${SECRET} (${i})` }));
      await store.reviews.create(
        approvalReview({ conversationId: ada.id, threadId: `${ada.id}:1`, packet: approvalReview().packet }),
      );
      await store.corrections.create(correction({ conversationId: ada.id, question: SECRET }));
      await store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "contact.left",
        conversationId: ada.id,
        details: { email: EMAIL, note: SECRET },
      });
      const state = sampleCheckpoint({ question: SECRET, customer: EMAIL });
      await checkpointer.put(
        { configurable: { thread_id: `${ada.id}:1`, checkpoint_ns: "" } },
        state,
        { source: "loop", step: 1, parents: {} },
        state.channel_versions,
      );
      const grace = await store.conversations.create({ id: "conv-grace", customer: { name: "Grace" } });
      await store.messages.append(customerMessage(grace.id, { text: "Grace keeps her words" }));
      expect(await leftovers(dir, [EMAIL, SECRET])).not.toEqual([]);

      await store.customerData.erase([ada.id], redactAuditDetails);
      await store.customerData.purgeFreedBytes();

      expect(await leftovers(dir, [EMAIL, SECRET, "zq7"])).toEqual([]);
      expect(await leftovers(dir, ["Grace keeps her words"])).toEqual([
        "Grace keeps her words in handoff.db",
      ]);
      expect(await store.messages.listSince(grace.id, 0)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it("a file written before secure_delete loses the bytes it had freed the next time it is opened", async () => {
    await (await openSqliteStore({ file })).store.close();
    // What an older build left: a row deleted without zeroing, and no marker saying the file was cleaned.
    const old = new Database(file);
    old.pragma("secure_delete = OFF");
    old.prepare("DELETE FROM kv WHERE key = 'sqlite.secure_delete'").run();
    old.prepare("INSERT INTO kv (key, value) VALUES ('note', ?)").run(JSON.stringify(SECRET));
    old.prepare("DELETE FROM kv WHERE key = 'note'").run();
    old.close();
    expect(await leftovers(dir, [SECRET])).toEqual([`${SECRET} in handoff.db`]);

    await (await openSqliteStore({ file })).store.close();
    expect(await leftovers(dir, [SECRET])).toEqual([]);
  });
});
