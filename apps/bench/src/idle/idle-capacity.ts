import { setTimeout as sleep } from "node:timers/promises";
import type { VisitorSession } from "@handoff/contracts";
import { createVisitor } from "../load/rest-client";
import { connectWidget, type WidgetSocket } from "../load/widget-client";
import { mapLimit } from "../map-limit";
import type { BenchServer } from "../server/bench-server";
import { readRssMb } from "../server/rss-sampler";
import { round } from "../stats/latency-recorder";

/** Server memory with many widgets open and idle, and how many fit in a memory budget. */
export interface IdleResult {
  sockets: number;
  connected: number;
  failed: number;
  /** Fresh server after a full GC, nothing connected. */
  rssBeforeMb: number | null;
  /** Highest RSS seen from the first session to the end of the settle time (the connection burst). */
  rssPeakMb: number | null;
  /** RSS after every widget is connected and `settleSeconds` passed idle: what the budget is checked on. */
  rssAfterMb: number | null;
  /** RSS after a full GC at the end: the memory the idle widgets really hold. */
  rssAfterGcMb: number | null;
  heapUsedBeforeGcMb: number | null;
  heapUsedAfterGcMb: number | null;
  settleSeconds: number;
  /**
   * What one widget (visitor session + idle socket) holds: the larger of its share of the RSS growth
   * and of the live heap growth (a fresh server's RSS has freed memory the widgets reuse, so RSS alone
   * understates it).
   */
  perWidgetKb: number | null;
  budgetMb: number;
  withinBudget: boolean;
  /** Widgets that fit under the budget: the ones measured, plus (or minus) the headroom at the per-widget cost. */
  fitWithinBudget: number | null;
}

/**
 * On a fresh server (started with `gcOnProbe`): `sockets` visitor sessions (each creating its
 * conversation, as page loads do) then that many widget sockets, left idle. V8 returns the heap it grew
 * for the burst only after tens of seconds of quiet, so the budget is checked after `settleSeconds`.
 */
export async function runIdleCapacity(
  server: BenchServer,
  opts: { sockets: number; budgetMb: number; settleSeconds: number },
): Promise<IdleResult> {
  const { sockets, budgetMb, settleSeconds } = opts;
  const before = await server.probe();
  let peak = before.memory.rssMb;
  const sampler = setInterval(() => (peak = Math.max(peak, readRssMb(server.pid) ?? 0)), 250);
  let failed = 0;
  const sessions = await mapLimit(sockets, 50, async (): Promise<VisitorSession | null> => {
    try {
      return await createVisitor(server.url);
    } catch {
      failed++;
      return null;
    }
  });
  const opened = await mapLimit(sessions.length, 50, async (i): Promise<WidgetSocket | null> => {
    const session = sessions[i];
    if (!session) return null;
    try {
      return await connectWidget(server.url, session);
    } catch {
      failed++;
      return null;
    }
  });
  await sleep(settleSeconds * 1000);
  clearInterval(sampler);
  const rssAfterMb = readRssMb(server.pid);
  const after = await server.probe();
  const live = opened.filter((s): s is WidgetSocket => s !== null);
  const connected = live.filter((s) => s.connected).length;
  for (const s of live) s.close();

  const rssBeforeMb = before.memory.rssMb;
  const perWidgetKb =
    rssAfterMb !== null && connected > 0
      ? round(
          (Math.max(rssAfterMb - rssBeforeMb, after.memory.heapUsedMb - before.memory.heapUsedMb) * 1024) /
            connected,
        )
      : null;
  return {
    sockets,
    connected,
    failed: failed + (live.length - connected),
    rssBeforeMb,
    rssPeakMb: round(Math.max(peak, rssAfterMb ?? 0)),
    rssAfterMb,
    rssAfterGcMb: after.memory.rssMb,
    heapUsedBeforeGcMb: before.memory.heapUsedMb,
    heapUsedAfterGcMb: after.memory.heapUsedMb,
    settleSeconds,
    perWidgetKb,
    budgetMb,
    withinBudget: rssAfterMb !== null && rssAfterMb <= budgetMb && connected === sockets,
    fitWithinBudget:
      rssAfterMb !== null && perWidgetKb !== null && perWidgetKb > 0
        ? Math.max(0, connected + Math.floor(((budgetMb - rssAfterMb) * 1024) / perWidgetKb))
        : null,
  };
}
