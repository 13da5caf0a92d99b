import { runEchoBaseline } from "./baselines/echo-baseline";
import { runGraphBaseline } from "./baselines/graph-baseline";
import type { BenchOptions } from "./cli-args";
import { runIdleCapacity } from "./idle/idle-capacity";
import { runLoadPhase } from "./load/load-phase";
import { loadAverage, machineInfo } from "./machine-info";
import { runSaturation } from "./saturation/saturation-phase";
import { buildCompiledServer, type CompiledServer } from "./server/compiled-server";
import type { BenchReport } from "./report/bench-report";
import { checkTargets } from "./report/targets";
import { startBenchServer } from "./server/bench-server";
import { round } from "./stats/latency-recorder";

/**
 * Runs the phases one after another, never overlapping, so none loads the machine another is
 * measuring: graph alone, echo baseline, the load on a real server, the saturation ramp and idle
 * capacity each on a fresh one. The server runs compiled, as `npm start` runs it (`--source`: via tsx).
 */
export async function runBench(opts: BenchOptions, log: (line: string) => void): Promise<BenchReport> {
  let compiled: CompiledServer | null = null;
  if (!opts.source) {
    log("building the server (as npm start runs it)");
    compiled = await buildCompiledServer();
  }
  try {
    return await runPhases(opts, compiled?.entry, log);
  } finally {
    await compiled?.remove();
  }
}

const SATURATION_WARMUP_SECONDS = 3;
const SATURATION_P99_LIMIT_MS = 50;

async function runPhases(
  opts: BenchOptions,
  entry: string | undefined,
  log: (line: string) => void,
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const machine = machineInfo(entry ? "compiled" : "source");

  log(`graph in-process: ${opts.graphMessages} messages`);
  const graphInProcess = await runGraphBaseline(opts.graphMessages);

  log(`socket.io echo: ${opts.clients} clients for ${opts.echoSeconds} s`);
  const socketEcho = await runEchoBaseline({
    clients: opts.clients,
    intervalMs: opts.intervalMs,
    seconds: opts.echoSeconds,
  });

  log(`load: ${opts.clients} widgets, ${opts.agents} agents, ${opts.warmup} s warm-up + ${opts.duration} s`);
  const server = await startBenchServer({ profileDir: opts.profile, entry });
  const load = await runLoadPhase(server, {
    clients: opts.clients,
    agents: opts.agents,
    intervalMs: opts.intervalMs,
    warmupSeconds: opts.warmup,
    durationSeconds: opts.duration,
  }).finally(() => server.stop());

  let saturation = null;
  if (opts.saturationStart > 0) {
    log(`saturation: from ${opts.saturationStart} messages/s, +${opts.saturationStep} a step`);
    // The ramp offers more than one message a second per widget: the per-socket budget is lifted.
    const ramp = await startBenchServer({ entry, env: { SOCKET_MESSAGES_PER_MINUTE: "0" } });
    saturation = await runSaturation(
      ramp,
      {
        clients: opts.clients,
        agents: opts.agents,
        startRate: opts.saturationStart,
        stepRate: opts.saturationStep,
        maxRate: opts.saturationMax,
        warmupSeconds: SATURATION_WARMUP_SECONDS,
        // The same start-up warm-up as the load phase's server gets.
        firstWarmupSeconds: opts.warmup,
        stepSeconds: opts.saturationSeconds,
        p99LimitMs: SATURATION_P99_LIMIT_MS,
      },
      log,
    ).finally(() => ramp.stop());
  }

  let idleCapacity = null;
  if (opts.idle > 0) {
    log(`idle capacity: ${opts.idle} widget sockets`);
    const fresh = await startBenchServer({ gcOnProbe: true, entry });
    idleCapacity = await runIdleCapacity(fresh, {
      sockets: opts.idle,
      budgetMb: opts.budgetMb,
      settleSeconds: opts.idleSettle,
    }).finally(() => fresh.stop());
  }

  const { stats } = load;
  const misrouted = Object.entries(stats.routes).reduce(
    (sum, [expected, seen]) =>
      sum + Object.entries(seen).reduce((s, [route, n]) => (route === expected ? s : s + n), 0),
    0,
  );
  const report: Omit<BenchReport, "targets"> = {
    startedAt,
    finishedAt: new Date().toISOString(),
    config: {
      clients: opts.clients,
      agents: opts.agents,
      intervalMs: opts.intervalMs,
      warmupSeconds: opts.warmup,
      durationSeconds: opts.duration,
      idleSockets: opts.idle,
      idleSettleSeconds: opts.idleSettle,
      budgetMb: opts.budgetMb,
    },
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    latencyMs: {
      botReply: stats.botReply.summary(),
      reviewVisible: stats.reviewVisible.summary(),
      approvalToCustomer: stats.approvalToCustomer.summary(),
      handoffVisible: stats.handoffVisible.summary(),
      agentReplyToCustomer: stats.agentReplyToCustomer.summary(),
      messageAck: stats.messageAck.summary(),
    },
    throughput: {
      measuredSeconds: load.measuredSeconds,
      messagesSent: stats.sentMeasured,
      messagesPerSecond: round(stats.sentMeasured / load.measuredSeconds),
      questionsCompletedPerSecond: round(stats.completedMeasured / load.measuredSeconds),
    },
    routes: { matrix: stats.routes, misrouted },
    errors: stats.errorSummary(),
    skippedTicks: stats.skippedTicks,
    drainedCleanly: load.drainedCleanly,
    server: {
      rssMb: load.rss,
      eventLoopDelayMs: load.eventLoop,
      memoryAtEnd: load.memoryAtEnd,
      cpu: load.cpu,
      cpuMsPerMessage:
        load.cpu.serverPercentOfCore !== null && stats.sentMeasured > 0
          ? round((load.cpu.serverPercentOfCore * 10 * load.measuredSeconds) / stats.sentMeasured)
          : null,
    },
    baselines: { socketEcho, graphInProcess },
    saturation,
    idleCapacity,
    serverProfile: opts.profile ?? null,
  };
  return { ...report, targets: checkTargets(report) };
}
