import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { EvalCase, EvalCorrection, readJsonLines } from "../evaluation/eval-files";
import { runEval } from "../evaluation/run-eval";
import { readKbFolder } from "../knowledge/read-kb-folder";

/** `npm run eval -- --kb DIR --cases FILE [--corrections FILE] --out FILE` */
export async function evalCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      kb: { type: "string" },
      cases: { type: "string" },
      corrections: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!values.kb || !values.cases || !values.out) {
    throw new Error("usage: npm run eval -- --kb DIR --cases FILE [--corrections FILE] --out FILE");
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const at = (p: string) => path.resolve(base, p);
  const started = Date.now();
  const results = await runEval({
    articles: await readKbFolder(at(values.kb)),
    cases: await readJsonLines(at(values.cases), EvalCase),
    corrections: values.corrections ? await readJsonLines(at(values.corrections), EvalCorrection) : [],
  });
  await writeFile(at(values.out), JSON.stringify({ results }, null, 2));
  const count = (route: string) => results.filter((r) => r.route === route).length;
  console.log(
    `${results.length} questions in ${Date.now() - started} ms: ` +
      `auto ${count("auto")}, approval ${count("approval")}, handoff ${count("handoff")} -> ${values.out}`,
  );
}
