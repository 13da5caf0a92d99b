import { z } from "zod";
import { Timestamp } from "./common";
import { Thresholds } from "./routing";

const Count = z.number().int().min(0);
const Rate = z.number().min(0).max(1);

/** How routing by a fitted confidence did on a set of samples (a help center, or a deployment's history). */
export const FitOutcome = z.object({
  samples: Count,
  /** Samples whose first draft was right to send (the automation rate's denominator). */
  answerable: Count,
  autoSent: Count,
  autoRight: Count,
  autoWrong: Count,
  riskyAutoSent: Count,
  /** Right auto-sends over answerable samples. */
  automation: Rate,
  /** Right auto-sends over auto-sends (1 when nothing is sent). */
  precision: Rate,
});
export type FitOutcome = z.infer<typeof FitOutcome>;

/** One held-out fold: fitted on the other groups, scored on this one. */
export const HeldOutFold = FitOutcome.extend({
  heldOut: z.string(),
  trainedOn: z.array(z.string()),
  thresholds: Thresholds,
});
export type HeldOutFold = z.infer<typeof HeldOutFold>;

/**
 * A confidence fitted on data: a logistic regression over the confidence parts, read by name
 * (`features`), and the thresholds chosen on the training data for the target precision.
 */
export const FittedConfidence = z
  .object({
    version: z.literal(1),
    method: z.string(),
    features: z.array(z.string().min(1)).min(1),
    weights: z.array(z.number()),
    bias: z.number(),
    l2: z.number().min(0),
    /** auto: send at or above; review: approval at or above, handoff below (probabilities). */
    thresholds: Thresholds,
    targetPrecision: Rate,
    trainedOn: z.array(z.object({ name: z.string(), samples: Count, right: Count })),
    fittedAt: Timestamp,
    /** How the fit held on data it was not fitted on (leave one group out). */
    validation: z.array(HeldOutFold),
  })
  .refine((m) => m.weights.length === m.features.length, {
    message: "a fitted confidence needs one weight per feature",
  });
export type FittedConfidence = z.infer<typeof FittedConfidence>;
