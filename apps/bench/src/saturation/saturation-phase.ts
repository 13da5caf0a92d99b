import type { BenchServer } from "../server/bench-server";
import type { SaturationResult, SaturationStep } from "../report/bench-report";
import { runLoadPhase } from "../load/load-phase";
import { round } from "../stats/latency-recorder";

/** How the offered rate is ramped. */
export interface SaturationOptions {
  /** Widgets asking; each asks every clients/rate seconds (the server's per-socket budget is lifted). */
  clients: number;
  agents: number;
  /** Offered messages per second of the first step, added at each next one, and the last tried. */
  startRate: number;
  stepRate: number;
  maxRate: number;
  warmupSeconds: number;
  /**
   * Added to the first step's warm-up: the fresh server's first seconds under load (its second graph
   * worker starting, JIT) are a start-up transient, not the rate it holds.
   */
  firstWarmupSeconds: number;
  stepSeconds: number;
  /** The bot-reply p99 a step must stay within to count as held. */
  p99LimitMs: number;
}

/** A step is held when bot replies stay within the limit, nothing failed and the offered rate was sent. */
function held(step: SaturationStep, limitMs: number): boolean {
  return (
    step.botReplyP99 !== null &&
    step.botReplyP99 <= limitMs &&
    step.errors === 0 &&
    step.messagesPerSecond >= 0.9 * step.offeredPerSecond
  );
}

/**
 * Ramps the offered rate on one server, a step at a time with fresh widgets and consoles each step
 * (the load phase's clients, agents and question mix), until a step is not held; reports every step
 * and the highest rate held. A widget still waiting on its last question skips its tick, so the rate
 * sent, not the rate offered, is what a step held.
 */
export async function runSaturation(
  server: BenchServer,
  opts: SaturationOptions,
  log: (line: string) => void,
): Promise<SaturationResult> {
  const steps: SaturationStep[] = [];
  for (let rate = opts.startRate; rate <= opts.maxRate; rate += opts.stepRate) {
    const load = await runLoadPhase(server, {
      clients: opts.clients,
      agents: opts.agents,
      intervalMs: Math.max(1, Math.round((opts.clients * 1000) / rate)),
      warmupSeconds: opts.warmupSeconds + (rate === opts.startRate ? opts.firstWarmupSeconds : 0),
      durationSeconds: opts.stepSeconds,
    });
    const { stats, measuredSeconds, cpu } = load;
    const step: SaturationStep = {
      offeredPerSecond: rate,
      messagesPerSecond: round(stats.sentMeasured / measuredSeconds),
      botReplyP99: stats.botReply.summary().p99,
      approvalToCustomerP99: stats.approvalToCustomer.summary().p99,
      errors: stats.errorSummary().total,
      serverPercentOfCore: cpu.serverPercentOfCore,
      cpuMsPerMessage:
        cpu.serverPercentOfCore !== null && stats.sentMeasured > 0
          ? round((cpu.serverPercentOfCore * 10 * measuredSeconds) / stats.sentMeasured)
          : null,
      othersPercentOfMachine: cpu.othersPercentOfMachine,
      held: false,
    };
    step.held = held(step, opts.p99LimitMs);
    steps.push(step);
    log(
      `saturation: offered ${rate}/s, sent ${step.messagesPerSecond}/s, bot reply p99 ${step.botReplyP99} ms,` +
        ` ${step.cpuMsPerMessage} ms CPU/message, ${step.held ? "held" : "not held"}`,
    );
    if (!step.held) break;
  }
  const heldRates = steps.filter((s) => s.held).map((s) => s.messagesPerSecond);
  return {
    clients: opts.clients,
    p99LimitMs: opts.p99LimitMs,
    stepSeconds: opts.stepSeconds,
    steps,
    highestRateHeld: heldRates.length > 0 ? Math.max(...heldRates) : null,
  };
}
