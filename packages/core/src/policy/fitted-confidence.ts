import { FittedConfidence } from "@handoff/contracts";
import fitted from "./fitted-confidence.json" with { type: "json" };
import { probabilityOf } from "./fit/fit-confidence";

/**
 * The confidence fitted on the shared evaluation sets (`npm run fit-confidence` writes the JSON),
 * validated when the module loads: a file that does not match the schema stops the start, rather
 * than routing on garbage.
 */
export const FITTED_CONFIDENCE: FittedConfidence = FittedConfidence.parse(fitted);

/**
 * The probability that sending the first draft at once is right, from its confidence parts (read by
 * name: a part the fit does not know is ignored, a feature the parts lack counts as 0; see
 * missingFeatures). Compare it with `model.thresholds`.
 */
export function fittedProbability(
  parts: Readonly<Record<string, number>>,
  model: FittedConfidence = FITTED_CONFIDENCE,
): number {
  return probabilityOf(model, parts);
}

/** The fitted features a parts record does not carry: non-empty means the fit is stale, re-run it. */
export function missingFeatures(
  parts: Readonly<Record<string, number>>,
  model: FittedConfidence = FITTED_CONFIDENCE,
): string[] {
  return model.features.filter((f) => typeof parts[f] !== "number");
}
