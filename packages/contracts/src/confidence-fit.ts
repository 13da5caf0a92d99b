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
    /**
     * A draft whose question is at least this like an approved correction's that it agrees with (the
     * \`precedent\` part) is sent at once too; null: never by that alone. Absent in fits made before it.
     */
    precedent: z.object({ threshold: Rate.nullable() }).optional(),
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

/** POST /api/confidence/refit/preview body: the period whose decisions the refit learns from. */
export const RefitQuery = z
  .object({
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type RefitQuery = z.infer<typeof RefitQuery>;

/** What the team decided on the bot's drafts: approved unchanged is right, anything else is not. */
export const DecisionCounts = z.object({
  total: Count,
  approved: Count,
  edited: Count,
  rejected: Count,
  takenOver: Count,
});
export type DecisionCounts = z.infer<typeof DecisionCounts>;

/** Routing with one confidence over a deployment's history. */
export const RefitRouting = z.object({
  thresholds: Thresholds,
  /** Share of the period's messages it auto-sends. */
  automation: Rate,
  /** Reviewed drafts it would auto-send, and how many of them the team changed, rejected or took over. */
  reviewedSent: Count,
  reviewedWrong: Count,
  /** reviewedWrong / reviewedSent (0 when it would send none). */
  errorRate: Rate,
});
export type RefitRouting = z.infer<typeof RefitRouting>;

/**
 * A refit from a deployment's decisions, before it is applied: the routing now, the routing with the
 * new fit (its error rate measured on periods it was not fitted on), or why there is none.
 */
export const RefitPreview = z.object({
  from: Timestamp.nullable(),
  to: Timestamp.nullable(),
  messages: Count,
  decisions: DecisionCounts,
  current: RefitRouting,
  proposed: RefitRouting.extend({ model: FittedConfidence, heldOut: FitOutcome }).nullable(),
  /** Why nothing is proposed (too few decisions, none approved unchanged...); null when something is. */
  blocked: z.string().nullable(),
});
export type RefitPreview = z.infer<typeof RefitPreview>;

/** POST /api/confidence/refit/apply body: the previewed fit, applied exactly as it was shown. */
export const RefitApply = z.object({ model: FittedConfidence }).strict();
export type RefitApply = z.infer<typeof RefitApply>;
