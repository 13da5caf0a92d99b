/**
 * A worker thread for the write-gate tests: opens the store file with the gate it is given, waits for
 * the start signal, appends `count` customer messages to one conversation (read-then-write
 * transactions, as the graph's appends are) and reports how many failed.
 */
import { workerData } from "node:worker_threads";
import { z } from "zod";
import { openSqliteStore } from "../sqlite-store";
import { reportDone, waitForStart } from "./test-threads";

const Input = z.object({
  file: z.string(),
  conversationId: z.string(),
  count: z.number(),
  label: z.string(),
  writeGate: z.instanceof(SharedArrayBuffer),
  start: z.instanceof(SharedArrayBuffer),
});

const input = Input.parse(workerData);
const { store } = await openSqliteStore({ file: input.file, writeGate: input.writeGate });
waitForStart(input.start);
const failures: string[] = [];
for (let i = 0; i < input.count; i++) {
  try {
    await store.messages.append({
      conversationId: input.conversationId,
      clientId: `${input.label}-${i}`,
      author: "customer",
      authorName: null,
      text: `${input.label} ${i}`,
      sources: [],
      internal: false,
    });
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
await store.close();
reportDone(failures);
