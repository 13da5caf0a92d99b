import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openSqliteStore } from "./sqlite-store";
import { startSignal, startTestThread, startTogether } from "./testing/test-threads";
import { createWriteGateBuffer } from "./write-gate";

const ENTRY = new URL("./testing/append-from-thread.ts", import.meta.url);
const Failures = z.array(z.string());

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("SQLite writes from several threads of one process", () => {
  it("two threads appending to one conversation at once lose no message and fail none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "handoff-gate-"));
    dirs.push(dir);
    const file = path.join(dir, "handoff.db");
    const writeGate = createWriteGateBuffer();
    const { store } = await openSqliteStore({ file, writeGate });
    const conversation = await store.conversations.create({ id: "conv-busy", customer: { name: "Ada" } });
    const start = startSignal();
    const count = 300;
    const threads = ["left", "right"].map((label) =>
      startTestThread(ENTRY, { file, conversationId: conversation.id, count, label, writeGate }, start),
    );
    await startTogether(threads, start);
    const failures = (await Promise.all(threads.map((thread) => thread.done))).flatMap((result) =>
      Failures.parse(result),
    );

    expect(failures).toEqual([]);
    const messages = await store.messages.listSince(conversation.id, 0);
    expect(messages).toHaveLength(2 * count);
    expect(messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 2 * count }, (_, i) => i + 1),
    );
    expect(new Set(messages.map((message) => message.clientId)).size).toBe(2 * count);
    await store.close();
  }, 30_000);
});
