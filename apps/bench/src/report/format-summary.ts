import type { BenchReport } from "./bench-report";

type Latency = BenchReport["latencyMs"]["botReply"];

const fmt = (x: number | null) => (x === null ? "-" : x.toFixed(1));
const row = (label: string, l: Latency) =>
  `  ${label.padEnd(34)} p50 ${fmt(l.p50).padStart(7)}  p99 ${fmt(l.p99).padStart(7)}  max ${fmt(l.max).padStart(7)}  (n=${l.count})`;

/** A few lines for a person: the figures, the baselines under them, and the targets. */
export function formatSummary(r: BenchReport): string {
  const { config: c, machine: m, latencyMs: l, baselines: b, server: s, idleCapacity: idle, saturation } = r;
  const lines = [
    `bench: ${c.clients} widgets every ${c.intervalMs} ms, ${c.agents} agents, ${c.durationSeconds} s measured` +
      ` on ${m.cpuCount}x ${m.cpuModel}, node ${m.nodeVersion}, server ${m.serverRuntime}`,
    `load average: ${m.loadAverage.join(" ")} at the start, ${m.loadAverageAtEnd.join(" ")} at the end`,
    "latency (ms):",
    row("message -> bot reply", l.botReply),
    row("message -> review in console", l.reviewVisible),
    row("approval -> reply at customer", l.approvalToCustomer),
    row("message -> handoff in console", l.handoffVisible),
    row("agent reply -> customer", l.agentReplyToCustomer),
    row("baseline: socket.io echo", b.socketEcho),
    row("baseline: graph in-process", b.graphInProcess.messageToRoute),
    `throughput: ${r.throughput.messagesPerSecond} msg/s sent, ${r.throughput.questionsCompletedPerSecond} questions/s completed`,
    `routes (expected -> seen): ${JSON.stringify(r.routes.matrix)}; misrouted ${r.routes.misrouted}`,
    `errors: ${r.errors.total}${r.errors.total ? ` ${JSON.stringify(r.errors.byKind)}` : ""}; skipped ticks ${r.skippedTicks}`,
    `server: RSS max ${fmt(s.rssMb.max)} MB, event-loop delay p99 ${fmt(s.eventLoopDelayMs.p99)} ms (max ${fmt(s.eventLoopDelayMs.max)})`,
    `cpu: server ${fmt(s.cpu.serverPercentOfCore)}% of a core (${fmt(s.cpuMsPerMessage)} ms/message), bench ${fmt(s.cpu.benchPercentOfCore)}%,` +
      ` other processes ${fmt(s.cpu.othersPercentOfMachine)}% of the machine`,
  ];
  if (saturation) {
    lines.push(`saturation (${saturation.clients} widgets, ${saturation.stepSeconds} s a step):`);
    for (const step of saturation.steps)
      lines.push(
        `  offered ${String(step.offeredPerSecond).padStart(4)}/s  sent ${fmt(step.messagesPerSecond).padStart(6)}/s` +
          `  bot reply p99 ${fmt(step.botReplyP99).padStart(7)} ms  ${fmt(step.cpuMsPerMessage)} ms CPU/message` +
          `  errors ${step.errors}  ${step.held ? "held" : "not held"}`,
      );
    lines.push(`  highest rate held: ${saturation.highestRateHeld ?? "-"} messages/s`);
  }
  if (idle) {
    lines.push(
      `idle: ${idle.connected}/${idle.sockets} widgets; server RSS ${fmt(idle.rssBeforeMb)} MB fresh,` +
        ` peak ${fmt(idle.rssPeakMb)}, ${fmt(idle.rssAfterMb)} after ${idle.settleSeconds} s idle` +
        ` (${fmt(idle.rssAfterGcMb)} after a full GC); ${fmt(idle.perWidgetKb)} kB per widget,` +
        ` ~${idle.fitWithinBudget ?? "-"} fit in ${idle.budgetMb} MB`,
    );
  }
  lines.push("targets:");
  for (const t of r.targets)
    lines.push(`  ${t.met ? "ok  " : "MISS"} ${t.name}: ${t.actual ?? "-"} (${t.target})`);
  return lines.join("\n");
}
