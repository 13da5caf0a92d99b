import type { FitOutcome, FittedConfidence, Thresholds } from "@handoff/contracts";
import {
  DEFAULT_FIT_OPTIONS,
  fitConfidence,
  foldFits,
  routeOutcome,
  type FitOptions,
  type FitSample,
} from "@handoff/core";
import { evaluateAllSets } from "./all-sets";
import { ScoredCase, readJsonLines } from "./eval-files";
import type { EvalSet } from "./eval-sets";
import { evaluateFeedback } from "./evaluate-set";
import { evalSamples } from "./fit-samples";
import { citingArticles, hasIntents, learningCurve } from "./learning-curve";

/** The corrections per intent loaded for the fit's learning-curve samples. */
export const FIT_CURVE_KS = [1, 2] as const;

/**
 * A fitting sample and where it came from: a set's own cases, its feedback probes with its corrections
 * loaded, or its learning-curve probes with k corrections per intent loaded. Its group is always the
 * help center, so leaving a help center out leaves out its correction samples too.
 */
export type SourcedSample = FitSample & { source: string };

/** How one part of a held-out help center's samples did under the fit on the other help centers. */
export interface HeldOutPart {
  set: string;
  source: string;
  thresholds: Thresholds;
  /** The fold's precedent threshold (null: it never sends on a precedent alone). */
  precedent: number | null;
  outcome: FitOutcome;
}

/** A fit on evaluation sets: the model (with its leave-one-set-out validation) and how it does on each set. */
export interface SetsFit {
  model: FittedConfidence;
  inSample: { set: string; source: string; outcome: FitOutcome }[];
  /** Leave one help center out, scored on each source of its samples apart. */
  heldOut: HeldOutPart[];
  samples: SourcedSample[];
}

/**
 * Runs every set through the graph and collects the confidence parts and labels: of each set's cases,
 * of its feedback probes with its corrections loaded, and of learning-curve probes with k = 1 and 2 of
 * its cases per intent loaded as corrections (sets whose cases name an intent). Without the last two,
 * no sample is ever answered from a correction and the fit cannot weigh one. Then fits the confidence.
 */
export async function fitFromSets(
  sets: readonly EvalSet[],
  fittedAt = new Date().toISOString(),
): Promise<SetsFit> {
  const samples = await collectSamples(sets);
  const options = { ...DEFAULT_FIT_OPTIONS, fittedAt };
  const model = fitConfidence(samples, options);
  return {
    model,
    inSample: slices(samples).map(({ set, source, part }) => ({
      set,
      source,
      outcome: routeOutcome(model, part),
    })),
    heldOut: heldOutParts(samples, options),
    samples,
  };
}

async function collectSamples(sets: readonly EvalSet[]): Promise<SourcedSample[]> {
  const report = await evaluateAllSets(sets);
  const samples: SourcedSample[] = [];
  // Each source of each help center must reach the target precision on its own: a threshold that
  // is precise on average can still send one help center's near misses.
  const add = (source: string, part: readonly FitSample[]) =>
    samples.push(...part.map((s) => ({ ...s, source, stratum: `${s.group} ${source}` })));
  for (const [i, set] of sets.entries()) {
    const cases = await readJsonLines(set.casesFile, ScoredCase);
    add("cases", evalSamples(set.name, cases, report.sets[i]?.results ?? []));
    const feedback = await evaluateFeedback(set);
    if (feedback && set.feedbackCasesFile) {
      const probes = await readJsonLines(set.feedbackCasesFile, ScoredCase);
      add("feedback", evalSamples(set.name, probes, feedback.results));
    }
    if (!hasIntents(cases)) continue;
    const curve = await learningCurve(set, FIT_CURVE_KS);
    for (const point of curve.points)
      add(
        `curve k=${point.k}`,
        evalSamples(set.name, cases, citingArticles(point.results, point.corrections)),
      );
  }
  return samples;
}

/** The samples by help center and source, in a stable order. */
function slices(samples: readonly SourcedSample[]) {
  const keys = [...new Set(samples.map((s) => `${s.group}\u0000${s.source}`))];
  return keys.map((key) => {
    const [set = "", source = ""] = key.split("\u0000");
    return { set, source, part: samples.filter((s) => s.group === set && s.source === source) };
  });
}

/** Each help center scored by a fit on the others, every source of its samples apart. */
function heldOutParts(samples: readonly SourcedSample[], options: FitOptions): HeldOutPart[] {
  return foldFits(samples, options).flatMap(({ heldOut, model }) =>
    slices(samples.filter((s) => s.group === heldOut)).map(({ set, source, part }) => ({
      set,
      source,
      thresholds: model.thresholds,
      precedent: model.precedent?.threshold ?? null,
      outcome: routeOutcome(model, part),
    })),
  );
}
