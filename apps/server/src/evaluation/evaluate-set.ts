import { EvalCorrection, ScoredCase, readJsonLines } from "./eval-files";
import type { EvalSet } from "./eval-sets";
import { readKbFolder } from "../knowledge/read-kb-folder";
import { runEval, type EvalResult } from "./run-eval";
import { scoreReport, type ScoreSummary } from "./score-report";

/** One set run through the graph and scored: the scorer's summary, its failures and every result. */
export interface SetEvaluation {
  set: string;
  summary: ScoreSummary;
  msPerCase: number;
  failures: string[];
  results: EvalResult[];
}

/** How the corrections of a set did on its feedback probes. */
export interface FeedbackEvaluation extends SetEvaluation {
  /** Probes that should be answered from a correction, and how many were, from a right one. */
  probes: number;
  answeredFromRightCorrection: number;
  /** Near misses (must not be auto-answered), and how many were. */
  nearMisses: number;
  nearMissesAnswered: number;
}

/** Runs a set's cases on a fresh store holding its articles, and scores them like score.mjs. */
export async function evaluateSet(set: EvalSet): Promise<SetEvaluation> {
  const cases = await readJsonLines(set.casesFile, ScoredCase);
  const results = await runEval({ articles: await readKbFolder(set.kbDir), cases });
  return scored(set.name, cases, results);
}

/**
 * Loads a set's corrections as approved and asks its feedback cases: paraphrases of a corrected
 * question should be answered from that correction, near misses not at all.
 */
export async function evaluateFeedback(set: EvalSet): Promise<FeedbackEvaluation | null> {
  if (!set.correctionsFile || !set.feedbackCasesFile) return null;
  const cases = await readJsonLines(set.feedbackCasesFile, ScoredCase);
  const results = await runEval({
    articles: await readKbFolder(set.kbDir),
    cases,
    corrections: await readJsonLines(set.correctionsFile, EvalCorrection),
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  const answerable = cases.filter((c) => [c.expect.route].flat().includes("auto"));
  const nearMisses = cases.filter((c) => !answerable.includes(c));
  const auto = (c: ScoredCase) => byId.get(c.id)?.route === "auto";
  return {
    ...scored(`${set.name} feedback`, cases, results),
    probes: answerable.length,
    answeredFromRightCorrection: answerable.filter(
      (c) => auto(c) && (c.expect.sources ?? []).some((s) => byId.get(c.id)?.sources.includes(s)),
    ).length,
    nearMisses: nearMisses.length,
    nearMissesAnswered: nearMisses.filter(auto).length,
  };
}

/** Scores results of a set and measures the graph's time per case. */
export function scored(set: string, cases: readonly ScoredCase[], results: EvalResult[]): SetEvaluation {
  const { summary, failures } = scoreReport(cases, results);
  const ms = results.reduce((sum, r) => sum + r.ms, 0);
  return {
    set,
    summary,
    msPerCase: results.length ? Math.round((ms / results.length) * 10) / 10 : 0,
    failures,
    results,
  };
}
