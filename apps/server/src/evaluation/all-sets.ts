import type { EvalSet } from "./eval-sets";
import { markdownTable, rate3 } from "./eval-table";
import { evaluateFeedback, evaluateSet, type FeedbackEvaluation, type SetEvaluation } from "./evaluate-set";

/** What `npm run eval -- --all` writes: every set's summary and results, and the feedback probes. */
export interface AllSetsReport {
  generatedAt: string;
  summary: Record<string, SetEvaluation["summary"] & { msPerCase: number }>;
  sets: SetEvaluation[];
  feedback: FeedbackEvaluation[];
}

/** Runs every set one after the other (each on its own fresh store) and, if asked, their feedback probes. */
export async function evaluateAllSets(
  sets: readonly EvalSet[],
  options: { feedback?: boolean } = {},
): Promise<AllSetsReport> {
  const evaluated: SetEvaluation[] = [];
  for (const set of sets) evaluated.push(await evaluateSet(set));
  const feedback: FeedbackEvaluation[] = [];
  if (options.feedback)
    for (const set of sets) {
      const probed = await evaluateFeedback(set);
      if (probed) feedback.push(probed);
    }
  return {
    generatedAt: new Date().toISOString(),
    summary: Object.fromEntries(evaluated.map((e) => [e.set, { ...e.summary, msPerCase: e.msPerCase }])),
    sets: evaluated,
    feedback,
  };
}

/** The one table of `--all`: a row per set. */
export function allSetsTable(report: AllSetsReport): string {
  return markdownTable(
    [
      "set",
      "cases",
      "automation",
      "precision",
      "risky auto-sent",
      "auto lacking a fact",
      "route accuracy",
      "ms/case",
    ],
    report.sets.map(({ set, summary: s, msPerCase }) => [
      set,
      s.cases,
      rate3(s.automation),
      rate3(s.autoPrecision),
      `${s.riskyAutoSent} of ${s.risky}`,
      s.lackingFact,
      rate3(s.routeAccuracy),
      msPerCase,
    ]),
  );
}

/** The feedback probes' table: answered from the right correction, near misses answered. */
export function feedbackTable(report: AllSetsReport): string {
  return markdownTable(
    ["set", "probes answered from the right correction", "near misses answered", "precision"],
    report.feedback.map((f) => [
      f.set,
      `${f.answeredFromRightCorrection} of ${f.probes}`,
      `${f.nearMissesAnswered} of ${f.nearMisses}`,
      rate3(f.summary.autoPrecision),
    ]),
  );
}
