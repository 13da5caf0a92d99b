import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isFullRun, parseBenchArgs, type BenchOptions } from "./cli-args";
import { formatSummary } from "./report/format-summary";
import { runBench } from "./run-bench";

/** The last full run, kept in the repository (issue 18): what `npm run bench` with no options replaces. */
const LATEST = fileURLToPath(new URL("../results/latest.json", import.meta.url));

/** Where the report goes: --out, or results/latest.json for a full run; a partial run must name a file. */
function outputFile(parsed: BenchOptions, base: string): string {
  if (parsed.out) return path.resolve(base, parsed.out);
  if (isFullRun(parsed)) return LATEST;
  throw new Error(
    "--out FILE is required when options differ from the full run (results/latest.json keeps full runs only)",
  );
}

/** `npm run bench -- [--clients N --agents M --duration S ...] [--out FILE]` */
async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  // npm runs workspace scripts in the workspace folder; a relative path means where npm was started.
  const base = process.env.INIT_CWD ?? process.cwd();
  const out = outputFile(parsed, base);
  const opts = { ...parsed, profile: parsed.profile && path.resolve(base, parsed.profile) };
  const report = await runBench(opts, (line) => console.error(`[bench] ${line}`));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatSummary(report));
  console.log(`\nwritten to ${out}`);
}

main().then(
  // Socket.IO clients and timers of a finished run must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
