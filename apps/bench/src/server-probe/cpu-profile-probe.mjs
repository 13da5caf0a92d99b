/**
 * Preloaded into the server process (`--import`) when the bench is asked for a profile. The first
 * SIGUSR2 (the measured window opens) starts V8's sampling profiler, the next (it closes) writes a
 * `.cpuprofile` to BENCH_CPU_PROFILE_DIR, so the profile holds the steady load only, not start-up.
 * (`--cpu-prof` would do the whole life of the process, and NODE_OPTIONS does not accept it.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import process from "node:process";

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (err, result) => {
      if (err) return process.stderr.write(`cpu profile failed: ${err.message}\n`);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `server-${process.pid}-${++written}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      process.stdout.write(`${JSON.stringify({ benchProfile: file })}\n`);
    });
  });
}
