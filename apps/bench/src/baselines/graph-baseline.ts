import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigSchema, createPlatform, seedDemo, type Platform } from "@handoff/server";
import { AGENT, SUPERVISOR } from "@handoff/server/testing";
import type { Route } from "@handoff/contracts";
import type { DistinctTexts } from "../load/distinct-texts";
import { questionFor } from "../load/question-mix";
import type { GraphResult } from "../report/bench-report";
import { LatencyRecorder, round } from "../stats/latency-recorder";

/** Conversations reused round robin, so runs see history as the load phase's conversations do. */
const CONVERSATIONS = 20;
/** Runs not timed: the first messages pay for JIT compilation and cold SQLite pages. */
const WARMUP = 40;

const ROUTE_OF_STATUS: Partial<Record<string, Route>> = {
  bot: "auto",
  awaiting_approval: "approval",
  waiting_human: "handoff",
};

/** The route a message took, read from the status its conversation is left in (null: none of the three). */
export const routeOfStatus = (status: string): Route | null => ROUTE_OF_STATUS[status] ?? null;

/** Called when the timed messages start and after the last one (a profiler measures just them). */
export interface TimedWindow {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** distinct: each question worded anew every time it is asked, as a real customer's message is new text. */
export interface MixOptions {
  window?: TimedWindow;
  distinct?: DistinctTexts;
}

/**
 * Builds the same platform the server builds (ConversationService over the LangGraph graph, SQLite in
 * a temp dir, offline model, demo help center) inside this process, and times the mix through it.
 */
export function runGraphBaseline(messages: number, options: MixOptions = {}): Promise<GraphResult> {
  return withDemoPlatform((platform) => timeMix(platform, messages, options));
}

/**
 * Runs `work` on the platform the server builds (its graph in this thread), on a throwaway SQLite
 * store seeded with the demo help center and accounts, and closes it afterwards.
 */
export async function withDemoPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-bench-graph-"));
  const config = ConfigSchema.parse({
    DATA_DIR: dataDir,
    DATABASE_FILE: path.join(dataDir, "handoff.db"),
    LOG_LEVEL: "silent",
    // The graph alone, in this thread: the baseline the server's worker thread is compared with.
    GRAPH_WORKER: "off",
  });
  const platform = await createPlatform(config);
  try {
    await seedDemo(platform, { agent: AGENT.password, supervisor: SUPERVISOR.password });
    return await work(platform);
  } finally {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function timeMix(
  platform: Platform,
  messages: number,
  { window, distinct }: MixOptions,
): Promise<GraphResult> {
  const { conversations, store } = platform;
  const { user } = await platform.auth.login(AGENT.email, AGENT.password);
  const ids: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) ids.push((await conversations.startConversation({})).id);
  const all = new LatencyRecorder();
  const byRoute = {
    auto: new LatencyRecorder(),
    approval: new LatencyRecorder(),
    handoff: new LatencyRecorder(),
  };
  const approvalToReply = new LatencyRecorder();
  const messageCpu = new LatencyRecorder();
  let misrouted = 0;
  let cpuStart = process.cpuUsage();

  for (let n = 0; n < WARMUP + messages; n++) {
    const timed = n >= WARMUP;
    if (n === WARMUP) {
      await window?.start();
      cpuStart = process.cpuUsage();
    }
    const c = n % CONVERSATIONS;
    const conversationId = ids[c] ?? "";
    const question = questionFor(c, Math.floor(n / CONVERSATIONS));
    const { expected } = question;
    const text = distinct ? distinct.next(question.text) : question.text;
    const start = performance.now();
    const messageCpuStart = process.cpuUsage();
    const { processed } = await conversations.receiveCustomerMessage(conversationId, {
      clientId: `g${n}`,
      text,
    });
    await processed;
    const elapsed = performance.now() - start;
    const route = routeOfStatus((await conversations.getConversation(conversationId)).status);
    if (route !== expected) misrouted++;
    if (timed) {
      all.record(elapsed);
      if (route) byRoute[route].record(elapsed);
    }
    // Close the pause the way the bench's agents do, so the next question finds the bot in charge.
    const open = (await store.reviews.listByConversation(conversationId)).filter(
      (r) => r.status === "pending",
    );
    for (const review of open) {
      if (review.kind === "approval") {
        const decideStart = performance.now();
        await conversations.decideReview(review.id, { type: "approve" }, user);
        if (timed) approvalToReply.record(performance.now() - decideStart);
      } else {
        await conversations.claimHandoff(review.id, user);
        await conversations.releaseHandoff(conversationId, "handed_back", user);
      }
    }
    if (timed) {
      const used = process.cpuUsage(messageCpuStart);
      messageCpu.record((used.user + used.system) / 1000);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  await window?.stop();
  return {
    messageToRoute: all.summary(),
    byRoute: {
      auto: byRoute.auto.summary(),
      approval: byRoute.approval.summary(),
      handoff: byRoute.handoff.summary(),
    },
    approvalToReply: approvalToReply.summary(),
    cpuMsPerMessage: round((cpu.user + cpu.system) / 1000 / messages),
    messageCpuMs: messageCpu.summary(),
    misrouted,
  };
}
