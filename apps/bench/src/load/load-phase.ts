import { setTimeout as sleep } from "node:timers/promises";
import type { BenchServer, EventLoopDelay, ProbeMemory } from "../server/bench-server";
import type { CpuWindow } from "../report/bench-report";
import { startCpuWindow } from "../server/cpu-usage";
import { RssSampler } from "../server/rss-sampler";
import { round } from "../stats/latency-recorder";
import { AgentConsole, connectConsole } from "./agent-console";
import { LoadStats } from "./load-stats";
import { mapLimit } from "../map-limit";
import { createVisitor, signInAgent } from "./rest-client";
import { connectWidget, WidgetClient } from "./widget-client";

/** The shape of the load: who connects, how often they ask, and for how long. */
export interface LoadOptions {
  clients: number;
  agents: number;
  intervalMs: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** What the load phase measured on the running server. */
export interface LoadResult {
  stats: LoadStats;
  measuredSeconds: number;
  rss: ReturnType<RssSampler["stop"]>;
  eventLoop: EventLoopDelay;
  memoryAtEnd: ProbeMemory;
  cpu: CpuWindow;
  drainedCleanly: boolean;
}

/** Longest wait for in-flight questions after the measured window closes. */
const DRAIN_MS = 20_000;

/**
 * Connects the agents, then the widgets; every widget asks one question per interval, the first
 * ones staggered evenly over one interval so the rate is steady from the start.
 */
export async function runLoadPhase(server: BenchServer, opts: LoadOptions): Promise<LoadResult> {
  const stats = new LoadStats();
  const widgets = new Map<string, WidgetClient>();
  const { token } = await signInAgent(server.url);
  const consoleSockets = await mapLimit(opts.agents, 10, () => connectConsole(server.url, token));
  const consoles = consoleSockets.map((s, i) => new AgentConsole(s, i, opts.agents, widgets, stats));
  const clients = await mapLimit(opts.clients, 20, async (i) => {
    const session = await createVisitor(server.url);
    const client = new WidgetClient(await connectWidget(server.url, session), i, stats);
    widgets.set(session.conversationId, client);
    return client;
  });

  const timers: NodeJS.Timeout[] = [];
  clients.forEach((client, i) => {
    const offset = (i * opts.intervalMs) / opts.clients;
    timers.push(
      setTimeout(() => {
        client.tick();
        timers.push(setInterval(() => client.tick(), opts.intervalMs));
      }, offset),
    );
  });

  await sleep(opts.warmupSeconds * 1000);
  await server.probe(); // closes the warm-up window; the next one is the measured window
  const rssSampler = new RssSampler(server.pid);
  rssSampler.start();
  const endCpuWindow = startCpuWindow(server.pid);
  stats.measuring = true;
  const measureStart = performance.now();
  await sleep(opts.durationSeconds * 1000);
  stats.measuring = false;
  const measuredSeconds = (performance.now() - measureStart) / 1000;
  const cpu = endCpuWindow();
  const { eventLoop, memory: memoryAtEnd } = await server.probe();
  const rss = rssSampler.stop();
  for (const t of timers) clearTimeout(t);

  const drainUntil = performance.now() + DRAIN_MS;
  const busy = () => clients.some((c) => c.current !== null);
  while (busy() && performance.now() < drainUntil) await sleep(50);
  const drainedCleanly = !busy();
  // Let the last handoffs' close acks land before the sockets go.
  await sleep(200);
  for (const c of clients) c.close();
  for (const c of consoles) c.close();
  return {
    stats,
    measuredSeconds: round(measuredSeconds),
    rss,
    eventLoop,
    memoryAtEnd,
    cpu,
    drainedCleanly,
  };
}
