import type { Article } from "@handoff/contracts";
import { readKbFolder } from "../knowledge/read-kb-folder";
import { passageStating } from "./answer-passage";
import { ScoredCase, readJsonLines, type EvalCorrection } from "./eval-files";
import type { EvalSet } from "./eval-sets";
import { markdownTable, rate3 } from "./eval-table";
import { scored, type SetEvaluation } from "./evaluate-set";
import { runEval, type EvalResult } from "./run-eval";

/** The numbers of corrections per intent the curve is drawn at. */
export const LEARNING_CURVE_KS = [0, 1, 2, 4] as const;

/** A case loaded as an approved correction: its question, and the passage that states its facts. */
export interface CurveCorrection extends EvalCorrection {
  caseId: string;
  intent: string;
  articleId: string;
}

/** One point of the curve: the probes' score with k corrections per intent loaded. */
export interface CurvePoint extends SetEvaluation {
  k: number;
  corrections: CurveCorrection[];
  /** Auto-sends that cited a loaded correction. */
  answeredFromCorrection: number;
}

/** What `--learning-curve` writes. */
export interface LearningCurve {
  set: string;
  ks: number[];
  /** Cases never loaded at any k: the same probes at every point, so the points compare. */
  probes: number;
  answerableProbes: number;
  /** Answerable cases no source article states every fact of (never loaded; still probes). */
  withoutPassage: string[];
  points: CurvePoint[];
}

const isAnswerable = (c: ScoredCase) => [c.expect.route].flat().includes("auto");

/**
 * Splits a set for the learning curve: per intent (`origin`), its answerable cases by id; the first
 * max(ks) that have a passage stating their facts are the candidates to load (the first k at point
 * k), everything else is a probe at every point. A probe is never a loaded correction.
 */
export function splitForCurve(
  cases: readonly ScoredCase[],
  articles: readonly Article[],
  ks: readonly number[],
): { candidates: CurveCorrection[]; probes: ScoredCase[]; withoutPassage: string[] } {
  const most = Math.max(0, ...ks);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byIntent = new Map<string, ScoredCase[]>();
  for (const c of [...cases].sort((a, b) => a.id.localeCompare(b.id)))
    if (isAnswerable(c)) byIntent.set(c.origin ?? "", [...(byIntent.get(c.origin ?? "") ?? []), c]);
  const candidates: CurveCorrection[] = [];
  const withoutPassage: string[] = [];
  for (const [intent, answerable] of byIntent) {
    let taken = 0;
    for (const c of answerable) {
      if (taken >= most) break;
      const sources = (c.expect.sources ?? []).flatMap((id) => byId.get(id) ?? []);
      const passage = passageStating(c.expect.facts ?? [], sources);
      if (!passage) {
        withoutPassage.push(c.id);
        continue;
      }
      candidates.push({
        id: `lc-${c.id}`,
        caseId: c.id,
        intent,
        question: c.question,
        answer: passage.text,
        articleId: passage.articleId,
      });
      taken++;
    }
  }
  const loadable = new Set(candidates.map((c) => c.caseId));
  return { candidates, probes: cases.filter((c) => !loadable.has(c.id)), withoutPassage };
}

/** The first k candidates of every intent. */
export function firstPerIntent(candidates: readonly CurveCorrection[], k: number): CurveCorrection[] {
  const seen = new Map<string, number>();
  return candidates.filter((c) => {
    const n = seen.get(c.intent) ?? 0;
    seen.set(c.intent, n + 1);
    return n < k;
  });
}

/**
 * Draws the learning curve of a set: for each k, loads k answerable cases per intent as approved
 * corrections and runs the probes. An answer citing a loaded correction is scored as citing the
 * article its passage came from (that is what the correction says), so it is right when that article
 * is a right source for the probe and the answer states the probe's own facts.
 */
export async function learningCurve(
  set: EvalSet,
  ks: readonly number[] = LEARNING_CURVE_KS,
): Promise<LearningCurve> {
  const cases = await readJsonLines(set.casesFile, ScoredCase);
  const articles = await readKbFolder(set.kbDir);
  const { candidates, probes, withoutPassage } = splitForCurve(cases, articles, ks);
  const points: CurvePoint[] = [];
  for (const k of ks) {
    const corrections = firstPerIntent(candidates, k);
    const results = await runEval({ articles, cases: probes, corrections });
    const articleOf = new Map(corrections.map((c) => [c.id, c.articleId]));
    points.push({
      ...scored(set.name, probes, citingArticles(results, corrections)),
      results,
      k,
      corrections,
      answeredFromCorrection: results.filter(
        (r: EvalResult) => r.route === "auto" && r.sources.some((s) => articleOf.has(s)),
      ).length,
    });
  }
  return {
    set: set.name,
    ks: [...ks],
    probes: probes.length,
    answerableProbes: probes.filter(isAnswerable).length,
    withoutPassage,
    points,
  };
}

/**
 * The results with every cited curve correction also citing the article its passage came from (that
 * is what the correction says), as the curve scores them.
 */
export function citingArticles(
  results: readonly EvalResult[],
  corrections: readonly CurveCorrection[],
): EvalResult[] {
  const articleOf = new Map(corrections.map((c) => [c.id, c.articleId]));
  return results.map((r) => ({
    ...r,
    sources: r.sources.flatMap((s) => {
      const article = articleOf.get(s);
      return article ? [s, article] : [s];
    }),
  }));
}

/** Whether a set's cases name the intent they came from (`origin`), so it can draw a learning curve. */
export function hasIntents(cases: readonly ScoredCase[]): boolean {
  return cases.some((c) => c.origin !== undefined);
}

/** One row per k: corrections loaded, automation and precision on the probes, risky auto-sent. */
export function learningCurveTable(curve: LearningCurve): string {
  return markdownTable(
    ["k", "corrections", "automation", "precision", "risky auto-sent", "answered from a correction"],
    curve.points.map((p) => [
      p.k,
      p.corrections.length,
      rate3(p.summary.automation),
      rate3(p.summary.autoPrecision),
      `${p.summary.riskyAutoSent} of ${p.summary.risky}`,
      p.answeredFromCorrection,
    ]),
  );
}
