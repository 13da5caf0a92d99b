import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { runGraphBaseline } from "./baselines/graph-baseline";
import { distinctOption } from "./load/distinct-texts";
import { CpuProfile } from "./profile/cpu-profile";

/**
 * `npm run profile-graph -w @handoff/bench -- [MESSAGES] [FILE] [--distinct]`: the graph phase (the
 * server's platform in this process, graph in this thread) under V8's profiler, after one unprofiled
 * round to warm up; the profile holds the timed messages only. Read it with `profile-summary`.
 * --distinct makes every message's text new, as a customer's is (the mix repeats 16 questions).
 */
async function main(): Promise<void> {
  const { distinct, rest } = distinctOption(process.argv.slice(2));
  const [messages = "150", file = "graph.cpuprofile"] = rest;
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  await runGraphBaseline(40, { distinct });
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  let profile: unknown = null;
  // Only the timed messages: building the platform and the warm-up would blur the shares.
  const result = await runGraphBaseline(Number(messages), {
    distinct,
    window: {
      start: async () => void (await session.post("Profiler.start")),
      stop: async () => void ({ profile } = await session.post("Profiler.stop")),
    },
  });
  await writeFile(out, JSON.stringify(CpuProfile.parse(profile)));
  console.log(`${result.cpuMsPerMessage} ms CPU per message (profiled); profile written to ${out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
