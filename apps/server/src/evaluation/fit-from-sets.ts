import type { FitOutcome, FittedConfidence } from "@handoff/contracts";
import { DEFAULT_FIT_OPTIONS, fitConfidence, routeOutcome, type FitSample } from "@handoff/core";
import { evaluateAllSets } from "./all-sets";
import { ScoredCase, readJsonLines } from "./eval-files";
import type { EvalSet } from "./eval-sets";
import { evalSamples } from "./fit-samples";

/** A fit on evaluation sets: the model (with its leave-one-set-out validation) and how it does on each set. */
export interface SetsFit {
  model: FittedConfidence;
  inSample: { set: string; outcome: FitOutcome }[];
  samples: FitSample[];
}

/** Runs every set through the graph, collects the confidence parts and labels, and fits the confidence. */
export async function fitFromSets(
  sets: readonly EvalSet[],
  fittedAt = new Date().toISOString(),
): Promise<SetsFit> {
  const report = await evaluateAllSets(sets);
  const samples: FitSample[] = [];
  for (const [i, set] of sets.entries()) {
    const cases = await readJsonLines(set.casesFile, ScoredCase);
    samples.push(...evalSamples(set.name, cases, report.sets[i]?.results ?? []));
  }
  const model = fitConfidence(samples, { ...DEFAULT_FIT_OPTIONS, fittedAt });
  return {
    model,
    inSample: sets.map((s) => ({
      set: s.name,
      outcome: routeOutcome(
        model,
        samples.filter((x) => x.group === s.name),
      ),
    })),
    samples,
  };
}
