import { z } from "zod";

const Ms = z.number().nonnegative().nullable();
/** p50/p99/max in milliseconds over `count` samples (nulls when nothing was measured). */
export const Latency = z.object({ count: z.number().int().nonnegative(), p50: Ms, p99: Ms, max: Ms });
const RouteCounts = z.object({
  auto: z.number().int(),
  approval: z.number().int(),
  handoff: z.number().int(),
  none: z.number().int(),
});
const Target = z.object({
  name: z.string(),
  target: z.string(),
  actual: z.number().nullable(),
  met: z.boolean(),
});

/** The JSON `npm run bench` writes: the single description of its fields (the smoke test parses with it). */
export const BenchReport = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  config: z.object({
    clients: z.number().int(),
    agents: z.number().int(),
    intervalMs: z.number().int(),
    warmupSeconds: z.number(),
    durationSeconds: z.number(),
    idleSockets: z.number().int(),
    idleSettleSeconds: z.number(),
    budgetMb: z.number(),
  }),
  machine: z.object({
    cpuModel: z.string(),
    cpuCount: z.number().int(),
    nodeVersion: z.string(),
    totalMemMb: z.number(),
    platform: z.string(),
    loadAverage: z.array(z.number()),
  }),
  latencyMs: z.object({
    /** message sent -> bot reply at the customer (auto route). */
    botReply: Latency,
    /** message sent -> approval review visible in a console. */
    reviewVisible: Latency,
    /** agent approves -> the reply at the customer. */
    approvalToCustomer: Latency,
    /** message sent -> handoff visible in a console. */
    handoffVisible: Latency,
    /** agent's live reply -> at the customer. */
    agentReplyToCustomer: Latency,
    /** message sent -> the server's ack (stored). */
    messageAck: Latency,
  }),
  throughput: z.object({
    measuredSeconds: z.number(),
    messagesSent: z.number().int(),
    messagesPerSecond: z.number(),
    questionsCompletedPerSecond: z.number(),
  }),
  routes: z.object({
    /** expected route -> observed route, over the whole run. */
    matrix: z.object({ auto: RouteCounts, approval: RouteCounts, handoff: RouteCounts }),
    misrouted: z.number().int(),
  }),
  errors: z.object({
    total: z.number().int(),
    byKind: z.record(z.string(), z.number()),
    samples: z.array(z.string()),
  }),
  skippedTicks: z.number().int(),
  drainedCleanly: z.boolean(),
  server: z.object({
    rssMb: z.object({ start: Ms, p50: Ms, max: Ms, end: Ms }),
    eventLoopDelayMs: z.object({ count: z.number(), p50: z.number(), p99: z.number(), max: z.number() }),
    cpu: z.object({
      serverPercentOfCore: z.number().nullable(),
      benchPercentOfCore: z.number(),
      machineBusyPercent: z.number().nullable(),
      othersPercentOfMachine: z.number().nullable(),
    }),
    /** Heap at the end of the measured window (no forced GC). */
    memoryAtEnd: z.object({
      rssMb: z.number(),
      heapUsedMb: z.number(),
      heapTotalMb: z.number(),
      externalMb: z.number(),
    }),
    /** Server CPU per customer message sent (all the work a message causes, agents' included). */
    cpuMsPerMessage: z.number().nullable(),
  }),
  baselines: z.object({
    socketEcho: Latency.extend({ errors: z.number().int() }),
    graphInProcess: z.object({
      messageToRoute: Latency,
      byRoute: z.object({ auto: Latency, approval: Latency, handoff: Latency }),
      approvalToReply: Latency,
      cpuMsPerMessage: z.number(),
      misrouted: z.number().int(),
    }),
  }),
  idleCapacity: z
    .object({
      sockets: z.number().int(),
      connected: z.number().int(),
      failed: z.number().int(),
      rssBeforeMb: Ms,
      rssPeakMb: Ms,
      rssAfterMb: Ms,
      rssAfterGcMb: Ms,
      heapUsedBeforeGcMb: Ms,
      heapUsedAfterGcMb: Ms,
      settleSeconds: z.number(),
      perWidgetKb: z.number().nullable(),
      budgetMb: z.number(),
      withinBudget: z.boolean(),
      fitWithinBudget: z.number().int().nullable(),
    })
    .nullable(),
  targets: z.array(Target),
  serverProfile: z.string().nullable(),
});
export type BenchReport = z.infer<typeof BenchReport>;
