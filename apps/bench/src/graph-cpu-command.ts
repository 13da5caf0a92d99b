import { runGraphBaseline } from "./baselines/graph-baseline";
import { distinctOption } from "./load/distinct-texts";
import { loadAverage } from "./machine-info";

/**
 * `npm run graph-cpu -w @handoff/bench -- [ROUNDS] [MESSAGES] [--distinct]`: the graph phase's CPU per
 * message, unprofiled, several rounds after one to warm up, with the load average around each. On a
 * shared machine one round says little: compare two versions by alternating them, round for round.
 * --distinct makes every message's text new, as a customer's is (the mix repeats 16 questions).
 */
async function main(): Promise<void> {
  const { distinct, rest } = distinctOption(process.argv.slice(2));
  const [rounds = "3", messages = "150"] = rest;
  await runGraphBaseline(40, { distinct });
  for (let i = 0; i < Number(rounds); i++) {
    const before = loadAverage()[0];
    const result = await runGraphBaseline(Number(messages), { distinct });
    console.log(
      `${result.cpuMsPerMessage} ms CPU per message (median ${result.messageCpuMs.p50} ms), ${result.misrouted} misrouted, load ${before} -> ${loadAverage()[0]}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
