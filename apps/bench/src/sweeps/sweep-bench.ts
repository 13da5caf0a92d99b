import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigSchema, createPlatform, type Platform } from "@handoff/server";
import { movableClock } from "@handoff/server/testing";

/** One sweep timed: wall and CPU milliseconds, and how much work it did. */
export interface SweepTiming {
  wallMs: number;
  cpuMs: number;
  applied: number;
}

/** The sweeps' cost at one size: with the due work, then again with nothing left due. */
export interface SweepSize {
  open: number;
  due: { deadlines: number; queuedMessages: number };
  seedSeconds: number;
  deadlineSweep: SweepTiming;
  recoverySweep: SweepTiming;
  idleDeadlineSweep: SweepTiming;
  idleRecoverySweep: SweepTiming;
}

async function timed(run: () => Promise<number>): Promise<SweepTiming> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const applied = await run();
  const used = process.cpuUsage(cpu);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    wallMs: round(performance.now() - start),
    cpuMs: round((used.user + used.system) / 1000),
    applied,
  };
}

/**
 * Builds the server's platform on a fresh SQLite file with `open` open conversations (each with a
 * routed customer message and a pending handoff whose deadline is a day away) and `due` pieces of due
 * work (half handoffs past their deadline, half customer messages a crash left queued), then times the
 * deadline and recovery sweeps as the server runs them, and once more with nothing due.
 */
export async function benchSweeps(
  open: number,
  due: number,
  log: (line: string) => void,
): Promise<SweepSize> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-bench-sweeps-"));
  const config = ConfigSchema.parse({
    DATA_DIR: dataDir,
    DATABASE_FILE: path.join(dataDir, "handoff.db"),
    LOG_LEVEL: "silent",
    GRAPH_WORKER: "off",
  });
  const clock = movableClock();
  const platform = await createPlatform(config, { clock });
  try {
    const seedStart = performance.now();
    const deadlines = Math.ceil(due / 2);
    const queued = due - deadlines;
    // Due handoffs are real ones (the service opens them); the open ones are copies of the first, a
    // day from their deadline, written straight to the store to keep seeding fast.
    const dueIds: string[] = [];
    for (let i = 0; i < deadlines; i++) {
      const { id } = await platform.conversations.startConversation({});
      await platform.conversations.requestHuman(id, undefined);
      dueIds.push(id);
    }
    const [template] = await platform.store.reviews.listByConversation(dueIds[0] ?? "");
    if (!template) throw new Error("no handoff to copy");
    await seedOpen(platform, template, open, clock.now().getTime() + 86_400_000, log);
    clock.advanceMinutes(31);
    for (let i = 0; i < queued; i++) {
      const { id } = await platform.conversations.startConversation({});
      // Stored but never routed: what a crash between the two leaves for recovery.
      await platform.store.messages.append({
        conversationId: id,
        clientId: randomUUID(),
        author: "customer",
        authorName: null,
        text: "How long does standard delivery take?",
        sources: [],
        internal: false,
      });
    }
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    log(`${open} open, ${due} due: seeded in ${seedSeconds} s`);
    const result: SweepSize = {
      open,
      due: { deadlines, queuedMessages: queued },
      seedSeconds,
      deadlineSweep: await timed(() => platform.conversations.applyDueDeadlines()),
      recoverySweep: await timed(() => platform.conversations.recover()),
      idleDeadlineSweep: await timed(() => platform.conversations.applyDueDeadlines()),
      idleRecoverySweep: await timed(() => platform.conversations.recover()),
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function seedOpen(
  platform: Platform,
  template: Awaited<ReturnType<Platform["store"]["reviews"]["listByConversation"]>>[number],
  open: number,
  deadlineMs: number,
  log: (line: string) => void,
): Promise<void> {
  const { store } = platform;
  const deadline = new Date(deadlineMs).toISOString();
  for (let i = 0; i < open; i++) {
    const id = randomUUID();
    await store.conversations.create({ id, customer: {} });
    await store.messages.append({
      conversationId: id,
      clientId: randomUUID(),
      author: "customer",
      authorName: null,
      text: "I want to talk to a person",
      sources: [],
      internal: false,
    });
    await store.messages.setHandling(id, { seq: 1, from: ["queued"], to: "routed" });
    await store.reviews.create({
      ...template,
      id: randomUUID(),
      conversationId: id,
      threadId: `${id}:1`,
      deadline,
    });
    if ((i + 1) % 20_000 === 0) log(`  ${i + 1} open conversations written`);
  }
}
