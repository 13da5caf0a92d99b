import type { FitOutcome, FittedConfidence, HeldOutFold } from "@handoff/contracts";
import { mayAutoSend } from "../route-policy";
import { chooseAutoThreshold, chooseReviewThreshold } from "./choose-thresholds";
import type { FitSample } from "./fit-sample";
import { fitLogisticRegression, predictProbability } from "./logistic-regression";

/** How to fit: the L2 penalty, the precision the auto threshold must reach, the right drafts review keeps. */
export interface FitOptions {
  l2: number;
  targetPrecision: number;
  keepRight: number;
  fittedAt: string;
}

/** The defaults: a light penalty (the parts are 0..1), issue 13's precision, 95% of right drafts reviewed. */
export const DEFAULT_FIT_OPTIONS: Omit<FitOptions, "fittedAt"> = {
  l2: 0.01,
  targetPrecision: 0.98,
  keepRight: 0.95,
};

const METHOD = "L2-regularised logistic regression (Newton's method) over the confidence parts";

/**
 * The part that says how like an approved correction's question the customer's is, when the answer
 * agrees with that correction. It is not a feature of the regression: a paraphrase of a corrected
 * question is a reason to send on its own, which a weight among fifteen others cannot say (a partial
 * match of an article would ride on it). It gets its own threshold instead (see precedentThreshold).
 */
export const PRECEDENT_PART = "precedent";
/** Two questions sharing less than half their weighted words are never taken for one another. */
export const MIN_PRECEDENT = 0.5;

/** The parts' values in the order of `features`; a part a record lacks counts as 0. */
export function featureVector(
  parts: Readonly<Record<string, number>>,
  features: readonly string[],
): number[] {
  return features.map((f) => {
    const v = parts[f];
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  });
}

/** The probability a fitted confidence gives a parts record. */
export function probabilityOf(
  model: Pick<FittedConfidence, "features" | "weights" | "bias">,
  parts: Readonly<Record<string, number>>,
): number {
  return predictProbability(model, featureVector(parts, model.features));
}

/**
 * The score routing compares with the thresholds: the fitted probability to three places, as the
 * confidence reports it. The fit chooses its thresholds on this score, so a draft the fit counts as
 * sent is one routing sends (a probability of 0.6904 against a threshold of 0.69042 would otherwise
 * be sent by the fit and not by routing, whose score reads 0.690).
 */
export function routedScore(
  model: Pick<FittedConfidence, "features" | "weights" | "bias">,
  parts: Readonly<Record<string, number>>,
): number {
  return Math.round(probabilityOf(model, parts) * 1000) / 1000;
}

/** Every part name the samples carry, sorted: the features are whatever signals the confidence has. */
export function featureNames(samples: readonly FitSample[]): string[] {
  return [...new Set(samples.flatMap((s) => Object.keys(s.parts)))]
    .filter((f) => f !== PRECEDENT_PART)
    .sort();
}

/**
 * Whether routing by a fitted confidence sends a draft at once: routing may ever send it (see
 * mayAutoSend), and its fitted probability reaches the auto threshold or its question is close
 * enough to an approved correction's that the answer agrees with (the precedent threshold).
 */
export function sendsAtOnce(
  model: Pick<FittedConfidence, "features" | "weights" | "bias" | "thresholds" | "precedent">,
  parts: Readonly<Record<string, number>>,
): boolean {
  if (!mayAutoSend(parts)) return false;
  return routedScore(model, parts) >= model.thresholds.auto || meetsPrecedent(model, parts);
}

/** Whether a draft's precedent (a paraphrase of a corrected question it agrees with) reaches the fitted threshold. */
export function meetsPrecedent(
  model: Pick<FittedConfidence, "precedent">,
  parts: Readonly<Record<string, number>>,
): boolean {
  const threshold = model.precedent?.threshold;
  const value = parts[PRECEDENT_PART];
  return threshold != null && typeof value === "number" && value >= threshold;
}

/**
 * The precedent threshold: the lowest value of the precedent part (not below MIN_PRECEDENT) at which
 * the drafts it sends that the auto threshold does not reach the target precision on their own, in
 * every stratum; null when none does. Why on their own: judged together with the regression's
 * auto-sends, a large stratum's right auto-sends pay for precedent sends that are wrong (one wrong in
 * fifty still reads 0.98), and a help center held out, with fewer auto-sends to pay, does not reach
 * the precision. A second reason to send must be as sure as the first.
 */
export function precedentThreshold(
  scored: ReadonlyArray<{ p: number; precedent: number; right: boolean; stratum?: string }>,
  autoThreshold: number,
  targetPrecision: number,
): number | null {
  const added = scored.filter((s) => s.p < autoThreshold && s.precedent >= MIN_PRECEDENT);
  const threshold = chooseAutoThreshold(
    added.map((s) => ({
      p: s.precedent,
      right: s.right,
      ...(s.stratum === undefined ? {} : { stratum: s.stratum }),
    })),
    targetPrecision,
  );
  if (threshold > 1) return null;
  // chooseAutoThreshold answers 1 also when nothing reaches the precision: check that it does.
  const sent = added.filter((s) => s.precedent >= threshold);
  if (sent.length === 0) return null;
  const strata = new Set(sent.map((s) => s.stratum));
  for (const stratum of strata) {
    const inStratum = sent.filter((s) => s.stratum === stratum);
    if (inStratum.filter((s) => s.right).length / inStratum.length < targetPrecision) return null;
  }
  return threshold;
}

/**
 * Fits the confidence on samples: the logistic regression on every sample (a forced route is still a
 * draft that was not right to send), then the thresholds on the eligible ones, whose route the score
 * decides. No validation: see fitConfidence.
 */
export function fitOnSamples(
  samples: readonly FitSample[],
  options: FitOptions,
): Omit<FittedConfidence, "validation"> {
  const features = featureNames(samples);
  if (features.length === 0) throw new Error("no confidence parts to fit on");
  const fit = fitLogisticRegression(
    samples.map((s) => featureVector(s.parts, features)),
    samples.map((s) => s.right),
    { l2: options.l2 },
  );
  const model = { features, weights: fit.weights.map(round6), bias: round6(fit.bias) };
  const scored = samples
    .filter((s) => s.eligible)
    .map((s) => ({
      p: routedScore(model, s.parts),
      right: s.right,
      sendable: mayAutoSend(s.parts),
      precedentPart: s.parts[PRECEDENT_PART] ?? 0,
      ...(s.stratum === undefined ? {} : { stratum: s.stratum }),
    }));
  // A draft routing never auto-sends (no asked-for fact, a risk flag) would count against a threshold
  // that cannot send it; it still counts for the review threshold, which decides approval or a person.
  const auto = floor6(
    chooseAutoThreshold(
      scored.filter((s) => s.sendable),
      options.targetPrecision,
    ),
  );
  const review = floor6(chooseReviewThreshold(scored, auto, options.keepRight));
  const precedent = precedentThreshold(
    scored.filter((s) => s.sendable).map((s) => ({ ...s, precedent: s.precedentPart })),
    auto,
    options.targetPrecision,
  );
  const groups = [...new Set(samples.map((s) => s.group))].sort();
  return {
    version: 1,
    method: METHOD,
    ...model,
    l2: options.l2,
    thresholds: { auto, review },
    precedent: { threshold: precedent === null ? null : floor6(precedent) },
    targetPrecision: options.targetPrecision,
    trainedOn: groups.map((name) => {
      const inGroup = samples.filter((s) => s.group === name);
      return { name, samples: inGroup.length, right: inGroup.filter((s) => s.right).length };
    }),
    fittedAt: options.fittedAt,
  };
}

/**
 * How routing by a fitted confidence does on samples: eligible ones at or above the auto threshold are
 * sent, unless routing never sends them (see mayAutoSend).
 */
export function routeOutcome(
  model: Pick<FittedConfidence, "features" | "weights" | "bias" | "thresholds" | "precedent">,
  samples: readonly FitSample[],
): FitOutcome {
  const sent = samples.filter((s) => s.eligible && sendsAtOnce(model, s.parts));
  const autoRight = sent.filter((s) => s.right).length;
  const answerable = samples.filter((s) => s.answerable).length;
  return {
    samples: samples.length,
    answerable,
    autoSent: sent.length,
    autoRight,
    autoWrong: sent.length - autoRight,
    riskyAutoSent: sent.filter((s) => s.risky).length,
    automation: answerable ? autoRight / answerable : 1,
    precision: sent.length ? autoRight / sent.length : 1,
  };
}

/** For each group, the fit on all the other groups (none with a single group). */
export function foldFits(
  samples: readonly FitSample[],
  options: FitOptions,
): Array<{ heldOut: string; model: Omit<FittedConfidence, "validation"> }> {
  const groups = [...new Set(samples.map((s) => s.group))].sort();
  if (groups.length < 2) return [];
  return groups.map((heldOut) => ({
    heldOut,
    model: fitOnSamples(
      samples.filter((s) => s.group !== heldOut),
      options,
    ),
  }));
}

/** Leave one group out: fit on all groups but one, score the one left out; a fold per group. */
export function leaveOneGroupOut(samples: readonly FitSample[], options: FitOptions): HeldOutFold[] {
  return foldFits(samples, options).map(({ heldOut, model }) => ({
    heldOut,
    trainedOn: model.trainedOn.map((g) => g.name),
    thresholds: model.thresholds,
    ...routeOutcome(
      model,
      samples.filter((s) => s.group === heldOut),
    ),
  }));
}

/** Fits on every sample and validates by leaving each group out in turn. */
export function fitConfidence(samples: readonly FitSample[], options: FitOptions): FittedConfidence {
  return { ...fitOnSamples(samples, options), validation: leaveOneGroupOut(samples, options) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
// A threshold rounded down still sends every sample it was chosen to send.
const floor6 = (x: number) => Math.floor(x * 1e6) / 1e6;
