/**
 * Preloaded into the server process by the bench (`--import`), so the server carries no bench code.
 * It samples the event loop's delay and, on SIGUSR2, prints one JSON line on stdout: the delay
 * distribution since the previous SIGUSR2, and the process's memory. The bench signals when its
 * measured window opens and when it closes. With BENCH_GC_ON_PROBE (and --expose-gc) a full GC runs
 * first, so the memory reported is what is live rather than garbage V8 has not returned yet.
 * Plain JavaScript, as every probe: a TypeScript probe needed tsx's loader in the server, and that
 * loader (a thread of its own, in the graph worker too) added ~100 MB to the RSS the bench measured.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import process from "node:process";

/** Node's default resolution; a finer one would add timer wake-ups to the loop it measures. */
const RESOLUTION_MS = 10;

const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

// The histogram records the whole interval between its timer's runs, so an idle loop reads ~10 ms:
// the delay is what comes on top of the resolution.
const delayMs = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100;

process.on("SIGUSR2", () => {
  const gc = Reflect.get(globalThis, "gc");
  if (process.env.BENCH_GC_ON_PROBE && typeof gc === "function") gc();
  const memory = process.memoryUsage();
  const line = {
    benchProbe: {
      eventLoop: {
        count: histogram.count,
        p50: delayMs(histogram.percentile(50)),
        p99: delayMs(histogram.percentile(99)),
        max: delayMs(histogram.max),
      },
      memory: {
        rssMb: mb(memory.rss),
        heapUsedMb: mb(memory.heapUsed),
        heapTotalMb: mb(memory.heapTotal),
        externalMb: mb(memory.external),
      },
    },
  };
  histogram.reset();
  process.stdout.write(`${JSON.stringify(line)}\n`);
});
