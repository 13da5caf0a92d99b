import { z } from "zod";
import { EventLoopDelay, ProbeMemory } from "../server/bench-server";

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

/** One step of the saturation ramp. */
export const SaturationStep = z.object({
  offeredPerSecond: z.number(),
  /** Messages sent in the step's measured window per second (ticks of widgets still waiting are skipped). */
  messagesPerSecond: z.number(),
  botReplyP99: Ms,
  approvalToCustomerP99: Ms,
  errors: z.number().int(),
  serverPercentOfCore: z.number().nullable(),
  cpuMsPerMessage: z.number().nullable(),
  othersPercentOfMachine: z.number().nullable(),
  /** Bot-reply p99 within the limit, no errors, and at least 90% of the offered rate sent. */
  held: z.boolean(),
});
export type SaturationStep = z.infer<typeof SaturationStep>;

/** The saturation ramp: offered rate raised step by step until bot-reply p99 passes the limit. */
export const SaturationResult = z.object({
  clients: z.number().int(),
  p99LimitMs: z.number(),
  stepSeconds: z.number(),
  steps: z.array(SaturationStep),
  /** The highest rate sent in a held step (null: not even the first step held). */
  highestRateHeld: z.number().nullable(),
});
export type SaturationResult = z.infer<typeof SaturationResult>;

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
    /** 1, 5 and 15 minute load averages when the run started, and when it ended (the machine is shared). */
    loadAverage: z.array(z.number()),
    loadAverageAtEnd: z.array(z.number()),
    /** How the server ran: the compiled bundle as `npm start` runs it, or the TypeScript source via tsx. */
    serverRuntime: z.enum(["compiled", "source"]),
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
    eventLoopDelayMs: EventLoopDelay,
    /** Where the CPU went during the measured window: the server, the bench itself, everything else. */
    cpu: z.object({
      /** Server CPU as a share of one core (100 = one core fully busy). */
      serverPercentOfCore: z.number().nullable(),
      benchPercentOfCore: z.number(),
      /** Busy share of all cores, ours and the neighbours' (the machine is shared). */
      machineBusyPercent: z.number().nullable(),
      /** Busy share of all cores used by other processes: high means the figures are noisy. */
      othersPercentOfMachine: z.number().nullable(),
    }),
    /** Heap at the end of the measured window (no forced GC). */
    memoryAtEnd: ProbeMemory,
    /** Server CPU per customer message sent (all the work a message causes, agents' included). */
    cpuMsPerMessage: z.number().nullable(),
  }),
  baselines: z.object({
    socketEcho: Latency.extend({ errors: z.number().int() }),
    /** The graph alone: receive -> routed (reply sent or pause opened), and approve -> reply, no sockets. */
    graphInProcess: z.object({
      messageToRoute: Latency,
      byRoute: z.object({ auto: Latency, approval: Latency, handoff: Latency }),
      approvalToReply: Latency,
      /** CPU per timed message, its agent decision included (the server's work for it, sockets aside). */
      cpuMsPerMessage: z.number(),
      /**
       * CPU of each timed message on its own: its median moves less with a neighbour's load than the
       * mean (a loaded machine inflates some messages' CPU several times, the others little).
       */
      messageCpuMs: Latency,
      misrouted: z.number().int(),
    }),
  }),
  /** Offered rate ramped on a fresh server until bot replies pass the limit (null when skipped). */
  saturation: SaturationResult.nullable(),
  /** Server memory with many widgets open and idle, and how many fit in a memory budget. */
  idleCapacity: z
    .object({
      sockets: z.number().int(),
      connected: z.number().int(),
      failed: z.number().int(),
      /** Fresh server after a full GC, nothing connected. */
      rssBeforeMb: Ms,
      /** Highest RSS from the first session to the end of the settle time (the connection burst). */
      rssPeakMb: Ms,
      /** RSS once every widget is connected and `settleSeconds` passed idle: the budget is checked on it. */
      rssAfterMb: Ms,
      /** RSS after a full GC at the end: the memory the idle widgets really hold. */
      rssAfterGcMb: Ms,
      heapUsedBeforeGcMb: Ms,
      heapUsedAfterGcMb: Ms,
      settleSeconds: z.number(),
      /**
       * What one widget (visitor session + idle socket) holds: the larger of its share of the RSS growth
       * and of the live heap growth (a fresh server's RSS has freed memory the widgets reuse, so RSS
       * alone understates it).
       */
      perWidgetKb: z.number().nullable(),
      budgetMb: z.number(),
      withinBudget: z.boolean(),
      /** Widgets that fit under the budget: those measured, plus (or minus) the headroom at the per-widget cost. */
      fitWithinBudget: z.number().int().nullable(),
    })
    .nullable(),
  targets: z.array(Target),
  serverProfile: z.string().nullable(),
});
export type BenchReport = z.infer<typeof BenchReport>;
/** Where the CPU went during the measured window. */
export type CpuWindow = BenchReport["server"]["cpu"];
/** The graph-alone baseline. */
export type GraphResult = BenchReport["baselines"]["graphInProcess"];
/** The idle-capacity phase. */
export type IdleResult = NonNullable<BenchReport["idleCapacity"]>;
