import { setTimeout as sleep } from "node:timers/promises";
import type { VisitorSession } from "@handoff/contracts";
import { createVisitor } from "../load/rest-client";
import type { WidgetSocket } from "@handoff/server/testing";
import { connectWidget } from "../load/widget-client";
import { mapLimit } from "../map-limit";
import type { BenchServer } from "../server/bench-server";
import { RssSampler } from "../server/rss-sampler";
import type { IdleResult } from "../report/bench-report";
import { round } from "../stats/latency-recorder";

/**
 * On a fresh server (started with `gcOnProbe`): `sockets` visitor sessions (each creating its
 * conversation, as page loads do) then that many widget sockets, left idle. V8 returns the heap it grew
 * for the burst (or the start-up) only after tens of seconds of quiet, so both readings, fresh and with
 * the widgets, come after `settleSeconds`.
 */
export async function runIdleCapacity(
  server: BenchServer,
  opts: { sockets: number; budgetMb: number; settleSeconds: number },
): Promise<IdleResult> {
  const { sockets, budgetMb, settleSeconds } = opts;
  // The fresh reading waits the same quiet time: read at once, it held the start-up's garbage (~75 MB)
  // and so understated what each widget adds.
  await sleep(settleSeconds * 1000);
  const before = await server.probe();
  const sampler = new RssSampler(server.pid);
  sampler.start(250);
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
  const { max: peak, end: rssAfterMb } = sampler.stop();
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
    rssPeakMb: round(Math.max(before.memory.rssMb, peak ?? 0)),
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
