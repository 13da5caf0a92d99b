import { parseArgs } from "node:util";
import { z } from "zod";

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Bench options from the command line, validated; defaults are the issue's target load. */
export const BenchOptions = z.object({
  clients: count(200),
  agents: count(20),
  /** Measured seconds of load, after the warm-up. */
  duration: z.coerce.number().positive().default(60),
  /** Seconds of load before measuring starts (JIT, SQLite caches); not counted. */
  warmup: z.coerce.number().min(0).default(5),
  /** Each widget sends one question per interval. */
  intervalMs: count(2000),
  /** Widget sockets connected idle for the capacity measurement (0 skips it). */
  idle: z.coerce.number().int().min(0).default(5000),
  budgetMb: count(250),
  /** Idle seconds after the widgets connect before RSS is read (V8 returns a burst's heap after ~40 s). */
  idleSettle: z.coerce.number().min(0).default(60),
  /** Seconds of echo round trips for the transport baseline. */
  echoSeconds: z.coerce.number().positive().default(10),
  /** Messages run through the graph in-process for the graph-alone baseline. */
  graphMessages: count(300),
  /** Saturation ramp: first offered rate (messages/s; 0 skips the phase), the step, the last rate tried. */
  saturationStart: z.coerce.number().int().min(0).default(100),
  saturationStep: count(50),
  saturationMax: count(1000),
  /** Measured seconds per saturation step (after a 3 s warm-up; the first step also `warmup`). */
  saturationSeconds: z.coerce.number().positive().default(10),
  /** Run the server from its TypeScript source through tsx instead of the compiled bundle `npm start` runs. */
  source: z.boolean().default(false),
  /** Where the JSON goes; without it, a run at the defaults (a full run) replaces results/latest.json. */
  out: z.string().min(1).optional(),
  /** Folder for a V8 CPU profile of the server during the load phase. */
  profile: z.string().optional(),
});
export type BenchOptions = z.infer<typeof BenchOptions>;

/** Parses `--clients N --agents M --duration S --out FILE ...` (kebab-case flags). */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string" },
      agents: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      "interval-ms": { type: "string" },
      idle: { type: "string" },
      "budget-mb": { type: "string" },
      "idle-settle": { type: "string" },
      "echo-seconds": { type: "string" },
      "graph-messages": { type: "string" },
      "saturation-start": { type: "string" },
      "saturation-step": { type: "string" },
      "saturation-max": { type: "string" },
      "saturation-seconds": { type: "string" },
      source: { type: "boolean" },
      out: { type: "string" },
      profile: { type: "string" },
    },
    strict: true,
  });
  const parsed = BenchOptions.safeParse({
    ...values,
    intervalMs: values["interval-ms"],
    budgetMb: values["budget-mb"],
    idleSettle: values["idle-settle"],
    echoSeconds: values["echo-seconds"],
    graphMessages: values["graph-messages"],
    saturationStart: values["saturation-start"],
    saturationStep: values["saturation-step"],
    saturationMax: values["saturation-max"],
    saturationSeconds: values["saturation-seconds"],
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`invalid options:\n${lines}`);
  }
  return parsed.data;
}

/** The options that shape what a run measures (not where it writes). */
const Measured = BenchOptions.omit({ out: true, profile: true });

/** True when every option that shapes the measurement is at its default: a full run, comparable with the last. */
export function isFullRun(options: BenchOptions): boolean {
  // Zod builds both objects in the schema's key order, so equal options give equal JSON.
  return JSON.stringify(Measured.parse(options)) === JSON.stringify(Measured.parse({}));
}
