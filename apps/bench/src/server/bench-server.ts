import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { startServerProcess, type ServerProcess } from "@handoff/server/testing";

const PRELOAD = fileURLToPath(new URL("../server-probe/preload.mjs", import.meta.url));

/** Event-loop delay of the server over a window, in ms beyond the timer's resolution. */
export const EventLoopDelay = z.object({
  count: z.number(),
  p50: z.number(),
  p99: z.number(),
  max: z.number(),
});
export type EventLoopDelay = z.infer<typeof EventLoopDelay>;

/** The server's memory as the process sees it (after a full GC when the server was started for that). */
export const ProbeMemory = z.object({
  rssMb: z.number(),
  heapUsedMb: z.number(),
  heapTotalMb: z.number(),
  externalMb: z.number(),
});
export type ProbeMemory = z.infer<typeof ProbeMemory>;

/** One answer of the preloaded probe. */
export const ProbeReport = z.object({ eventLoop: EventLoopDelay, memory: ProbeMemory });
export type ProbeReport = z.infer<typeof ProbeReport>;

const ProbeLine = z.object({ benchProbe: ProbeReport });
const PROBE_TIMEOUT_MS = 60_000;
/** Start-up (migrations, demo seed, help-center index, the graph worker) on a busy shared machine. */
const START_TIMEOUT_MS = 120_000;

/** The real server in its own process, on a throwaway data dir, with the event-loop probe loaded. */
export interface BenchServer {
  url: string;
  pid: number;
  /** Starts a new event-loop window and returns the one that just closed, with the memory now. */
  probe(): Promise<ProbeReport>;
  /** Stops the server gracefully and removes its data. */
  stop(): Promise<void>;
}

/**
 * Starts `apps/server` via `startServerProcess`: offline model, SQLite in a temp DATA_DIR, demo seeded.
 * With `profileDir`, the server's CPU is profiled over the measured window (see cpu-profile-probe).
 */
export async function startBenchServer(
  opts: {
    profileDir?: string;
    gcOnProbe?: boolean;
    /** A compiled main.js (see compiled-server) run by node, as production runs it; source through tsx without. */
    entry?: string;
    /** Settings on top of the bench's own. */
    env?: Record<string, string>;
  } = {},
): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-bench-"));
  const nodeOptions = [
    process.env.NODE_OPTIONS ?? "",
    // The probes are plain JavaScript, so a compiled server runs with no TypeScript loader, as
    // `npm start` runs it (the server from source brings its own tsx).
    `--import ${PRELOAD}`,
    opts.gcOnProbe ? "--expose-gc" : "",
  ].join(" ");
  let server: ServerProcess;
  try {
    server = await startServerProcess(
      dataDir,
      {
        NODE_OPTIONS: nodeOptions.trim(),
        // Without a key the offline answerer is used; make sure a developer's key cannot leak in.
        OPENAI_API_KEY: "",
        // Every simulated customer connects from 127.0.0.1: the per-IP budgets for messages and new
        // visitor sessions (server settings) would count them as one sender. The per-socket budget stays
        // on; the bench stays within it.
        IP_MESSAGES_PER_MINUTE: "0",
        VISITOR_SESSIONS_PER_MINUTE: "0",
        // A profile is of the main thread: the graph runs there too, so one profile holds all the work
        // (a profiled run's latencies are not the production's).
        ...(opts.profileDir ? { BENCH_CPU_PROFILE_DIR: opts.profileDir, GRAPH_WORKER: "off" } : {}),
        ...(opts.gcOnProbe ? { BENCH_GC_ON_PROBE: "1" } : {}),
        ...opts.env,
      },
      { entry: opts.entry, startTimeoutMs: START_TIMEOUT_MS },
    );
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const pid = server.child.pid;
  if (pid === undefined) throw new Error("the server process has no pid");
  const waiters: Array<(report: ProbeReport) => void> = [];
  let buffered = "";
  server.child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith('{"benchProbe"')) continue;
      const parsed = ProbeLine.safeParse(JSON.parse(line));
      if (parsed.success) waiters.shift()?.(parsed.data.benchProbe);
    }
  });
  return {
    url: server.url,
    pid,
    probe() {
      return new Promise((resolve, reject) => {
        // The probe answers from the server's event loop, which an overloaded server may not reach
        // for seconds; only a loop stuck this long is a failure.
        const timer = setTimeout(
          () => reject(new Error(`the server's event loop did not answer within ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
        waiters.push((d) => {
          clearTimeout(timer);
          resolve(d);
        });
        server.child.kill("SIGUSR2");
      });
    },
    async stop() {
      // SIGTERM runs the server's own shutdown, as an operator's stop would.
      const killer = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
      await server.kill("SIGTERM");
      clearTimeout(killer);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
