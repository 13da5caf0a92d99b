import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { allSetsTable, evaluateAllSets, feedbackTable } from "../evaluation/all-sets";
import { EvalCase, EvalCorrection, readJsonLines } from "../evaluation/eval-files";
import { SHARED_EVAL_DIR, findEvalSets, resolveEvalSet, type EvalSet } from "../evaluation/eval-sets";
import { fitFromSets } from "../evaluation/fit-from-sets";
import { heldOutTable, inSampleTable, weightsLine } from "../evaluation/fit-report";
import { learningCurve, learningCurveTable } from "../evaluation/learning-curve";
import { prettyJson } from "../evaluation/pretty-json";
import { runEval } from "../evaluation/run-eval";
import { readKbFolder } from "../knowledge/read-kb-folder";

const USAGE = `usage:
  npm run eval -- --kb DIR --cases FILE [--corrections FILE] --out FILE
  npm run eval -- --all [--sets DIR...] [--feedback] [--out FILE]
  npm run eval -- --learning-curve SET [--out FILE]     (SET: a folder, or a name under ../shared/eval)
  npm run eval -- --fit [--all] [--sets DIR...] [--out FILE] [--dry-run]   (npm run fit-confidence)
    fits on the shared sets (--all, the default) and any --sets; writes core's fitted-confidence.json`;

/** The checked-in fitted confidence that core loads. */
const FITTED_CONFIDENCE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../packages/core/src/policy/fitted-confidence.json",
);

const OPTIONS = {
  kb: { type: "string" },
  cases: { type: "string" },
  corrections: { type: "string" },
  out: { type: "string" },
  all: { type: "boolean" },
  sets: { type: "string", multiple: true },
  feedback: { type: "boolean" },
  "learning-curve": { type: "string" },
  fit: { type: "boolean" },
  "dry-run": { type: "boolean" },
} as const;

/** `npm run eval`: one case file, or every shared set (and any others named) in one table. */
export async function evalCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const base = process.env.INIT_CWD ?? process.cwd();
  const at = (p: string) => path.resolve(base, p);
  // `--sets a b c`: the folders after --sets arrive as positionals.
  const extraSets = values.sets ? [...values.sets, ...positionals] : positionals;
  if (extraSets.length > 0 && !values.all && !values.sets) throw new Error(USAGE);
  if (values.fit) {
    // The shared sets unless only --sets are named.
    const shared = values.all || extraSets.length === 0 ? await findEvalSets(SHARED_EVAL_DIR) : [];
    const sets = [...shared, ...(await resolveAll(extraSets, base))];
    return evalFit(sets, {
      out: values.out ? at(values.out) : FITTED_CONFIDENCE_FILE,
      write: !values["dry-run"],
    });
  }
  if (values["learning-curve"]) {
    const set = await resolveEvalSet(values["learning-curve"], base);
    return evalLearningCurve(set, at(values.out ?? `data/eval/learning-curve-${set.name}.json`));
  }
  if (values.all || values.sets) {
    const sets = [
      ...(values.all ? await findEvalSets(SHARED_EVAL_DIR) : []),
      ...(await resolveAll(extraSets, base)),
    ];
    return evalAll(sets, { feedback: values.feedback ?? false, out: at(values.out ?? "data/eval/all.json") });
  }
  if (!values.kb || !values.cases || !values.out) throw new Error(USAGE);
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

async function evalAll(sets: EvalSet[], options: { feedback: boolean; out: string }): Promise<void> {
  if (sets.length === 0) throw new Error(`no evaluation sets found under ${SHARED_EVAL_DIR}`);
  const unique = [...new Map(sets.map((s) => [s.dir, s])).values()];
  const report = await evaluateAllSets(unique, { feedback: options.feedback });
  await writeReport(options.out, report);
  console.log(allSetsTable(report));
  if (report.feedback.length > 0) console.log("\n" + feedbackTable(report));
  console.log(`\n-> ${options.out}`);
}

async function evalLearningCurve(set: EvalSet, out: string): Promise<void> {
  const curve = await learningCurve(set);
  await writeReport(out, curve);
  console.log(
    `${set.name}: ${curve.probes} probes (${curve.answerableProbes} answerable), never loaded as corrections`,
  );
  if (curve.withoutPassage.length > 0)
    console.log(`no passage states every fact of ${curve.withoutPassage.join(", ")} (not loaded)`);
  console.log(learningCurveTable(curve));
  console.log(`\n-> ${out}`);
}

async function writeReport(out: string, report: unknown): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(report, null, 2));
}

async function evalFit(sets: EvalSet[], options: { out: string; write: boolean }): Promise<void> {
  const unique = [...new Map(sets.map((s) => [s.dir, s])).values()];
  if (unique.length === 0) throw new Error(`no evaluation sets found under ${SHARED_EVAL_DIR}`);
  const { model, inSample, heldOut, samples } = await fitFromSets(unique);
  console.log(`${samples.length} samples (${samples.filter((s) => s.right).length} right to auto-send)`);
  console.log(weightsLine(model));
  console.log("\nleave one help center out (fitted on the others, scored on it):");
  console.log(heldOutTable(heldOut));
  console.log("\nfitted on every set:");
  console.log(inSampleTable(inSample));
  if (!options.write) return;
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, prettyJson(model));
  console.log(`\n-> ${options.out}`);
}

function resolveAll(names: readonly string[], base: string): Promise<EvalSet[]> {
  return Promise.all(names.map((s) => resolveEvalSet(s, base)));
}
