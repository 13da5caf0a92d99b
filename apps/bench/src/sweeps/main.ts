import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { benchSweeps } from "./sweep-bench";

const SweepOptions = z.object({
  /** Open conversations at each size, comma-separated. */
  open: z.string().default("1000,100000"),
  due: z.coerce.number().int().min(2).default(100),
  out: z.string().default("results/sweeps.json"),
});

/** `npm run bench:sweeps -w @handoff/bench -- [--open 1000,100000] [--due 100] [--out FILE]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { open: { type: "string" }, due: { type: "string" }, out: { type: "string" } },
  });
  const opts = SweepOptions.parse(values);
  const sizes = opts.open.split(",").map((n) => z.coerce.number().int().min(opts.due).parse(n));
  const log = (line: string) => console.error(`[sweeps] ${line}`);
  const results = [];
  for (const open of sizes) results.push(await benchSweeps(open, opts.due, log));
  const report = { node: process.version, store: "SQLite", sizes: results };
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
