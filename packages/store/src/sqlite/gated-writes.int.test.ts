import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openSqliteStore } from "./sqlite-store";
import { createWriteGateBuffer } from "./write-gate";

// Worker threads do not inherit vitest's TypeScript loader: a small boot script registers tsx first.
const BOOT = `const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;
const ENTRY = new URL("./testing/append-from-thread.ts", import.meta.url).href;
const Report = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("done"), failures: z.array(z.string()) }),
]);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function appendFromThread(input: {
  file: string;
  conversationId: string;
  count: number;
  label: string;
  writeGate: SharedArrayBuffer;
  start: SharedArrayBuffer;
}): { ready: Promise<void>; done: Promise<string[]> } {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { ...input, tsx: import.meta.resolve("tsx/esm/api"), entry: ENTRY },
  });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<string[]>((resolve, reject) => {
    worker.on("message", (raw: unknown) => {
      const report = Report.parse(raw);
      if (report.type === "ready") markReady();
      else resolve(report.failures);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`append thread exited with ${code}`)));
  });
  return { ready, done };
}

describe("SQLite writes from several threads of one process", () => {
  it("two threads appending to one conversation at once lose no message and fail none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "handoff-gate-"));
    dirs.push(dir);
    const file = path.join(dir, "handoff.db");
    const writeGate = createWriteGateBuffer();
    const { store } = await openSqliteStore({ file, writeGate });
    const conversation = await store.conversations.create({ id: "conv-busy", customer: { name: "Ada" } });
    const start = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const count = 300;
    const threads = ["left", "right"].map((label) =>
      appendFromThread({ file, conversationId: conversation.id, count, label, writeGate, start }),
    );
    await Promise.all(threads.map((thread) => thread.ready));
    Atomics.store(new Int32Array(start), 0, 1);
    Atomics.notify(new Int32Array(start), 0);
    const failures = (await Promise.all(threads.map((thread) => thread.done))).flat();

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
