import { z } from "zod";
import { FittedConfidence } from "./confidence-fit";
import { RiskCategory, RiskRoute, Thresholds } from "./routing";

/**
 * What happens when nobody decides a pending draft in time: escalate (tell the customer and hand over
 * to the human queue), reject (hand over without a holding message), or auto_send (send the draft,
 * only for categories marked as soft gates and only when no risk rule fired).
 */
export const ApprovalTimeoutPolicy = z.enum(["escalate", "reject", "auto_send"]);
export type ApprovalTimeoutPolicy = z.infer<typeof ApprovalTimeoutPolicy>;

/** Risk categories whose route a supervisor may change; a request for a person always goes to one. */
export const TunableRiskCategory = RiskCategory.exclude(["human_request"]);
export type TunableRiskCategory = z.infer<typeof TunableRiskCategory>;

/** A phrase a team wants treated as a risk of some category (e.g. "chargeback" as money movement). */
export const CustomRiskPhrase = z.object({
  phrase: z.string().trim().min(2).max(100),
  category: TunableRiskCategory,
});
export type CustomRiskPhrase = z.infer<typeof CustomRiskPhrase>;

/** Field names MongoDB reads as an operator (`$where`) or a path (`a.b`), or refuses (NUL). */
const UNSAFE_NAME = /^\$|[.\0]/;

/**
 * A category name. It is also a key of stored settings, so it may not start with `$` or contain a dot
 * or a NUL character.
 */
export const CategoryName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((name) => !UNSAFE_NAME.test(name), {
    message: "a category name cannot start with $ or contain a dot or a NUL character",
  });

/** An http(s) address or a path on this site; never a script (`javascript:`) or data URL. */
const SAFE_LINK = /^(https?:\/\/|\/)/i;

/** Tunable behaviour a supervisor owns. */
export const Settings = z.object({
  thresholds: Thresholds,
  categoryThresholds: z.record(CategoryName, Thresholds),
  approvalDeadlineMinutes: z.number().int().min(1).max(10_080),
  handoffDeadlineMinutes: z.number().int().min(1).max(10_080),
  approvalTimeoutPolicy: ApprovalTimeoutPolicy,
  /** Categories where a low-risk draft may be sent when its review times out. */
  softGateCategories: z.array(z.string().trim().min(1).max(60)).max(100),
  /** Link to an article, with `{id}` for its id; sources carry it so agents and customers can open them. */
  helpCenterUrl: z
    .string()
    .trim()
    .max(500)
    .includes("{id}")
    .regex(SAFE_LINK, "the help-center link must be an http(s) address or a path starting with /")
    .nullable(),
  /** Categories in shadow mode: the bot drafts, a person sends everything, agreement is measured. */
  shadowCategories: z.array(z.string().trim().min(1).max(60)).max(100),
  /**
   * What a risk category forces, where it differs from the built-in rule (money, cancellation,
   * deletion and order changes need approval; the rest a person). Never "auto": a risk always waits.
   */
  riskRoutes: z.partialRecord(TunableRiskCategory, RiskRoute),
  /** Extra phrases that raise a risk flag, matched as whole words, case-insensitively. */
  customRiskPhrases: z.array(CustomRiskPhrase).max(200),
  /** The confidence fitted on this deployment's own decisions, once a supervisor applies one. */
  fittedConfidence: FittedConfidence.nullable().optional(),
});
export type Settings = z.infer<typeof Settings>;

/** A partial update of settings (validated again as a whole after merging). */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** GET /api/metrics query: a period and optionally one category. */
export const MetricsQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  category: z.string().trim().max(60).optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

const Duration = z.object({
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  count: z.number().int(),
});

/** What the supervisor dashboard shows for a period. */
export const Metrics = z.object({
  messages: z.number().int(),
  automationRate: z.number().nullable(),
  routes: z.object({ auto: z.number().int(), approval: z.number().int(), handoff: z.number().int() }),
  escalationsByReason: z.record(z.string(), z.number().int()),
  decisions: z.object({
    total: z.number().int(),
    approved: z.number().int(),
    edited: z.number().int(),
    rejected: z.number().int(),
    other: z.number().int(),
    approvalRate: z.number().nullable(),
    editRate: z.number().nullable(),
    rejectionRate: z.number().nullable(),
  }),
  pauseToDecision: Duration,
  handoffToFirstReply: Duration,
  /** Approvals made faster than a person can read the draft. */
  rubberStamps: z.object({ count: z.number().int(), share: z.number().nullable() }),
  shadowAgreementRate: z.number().nullable(),
  corrections: z.object({ created: z.number().int(), approved: z.number().int() }),
  /** Satisfaction scores (1-5) given at the end and thumbs on single answers. */
  ratings: z.object({
    count: z.number().int(),
    average: z.number().nullable(),
    /** How many conversations got 1, 2, 3, 4 and 5 (index 0 is a score of 1). */
    distribution: z.array(z.number().int()).length(5),
    thumbsUp: z.number().int(),
    thumbsDown: z.number().int(),
  }),
  /** One point per UTC day with traffic, oldest first, for the dashboard's charts. */
  daily: z.array(
    z.object({
      date: z.string(),
      messages: z.number().int(),
      auto: z.number().int(),
      approval: z.number().int(),
      handoff: z.number().int(),
    }),
  ),
});
export type Metrics = z.infer<typeof Metrics>;

/** A threshold change the data supports, applied with one click. */
export const Recommendation = z.object({
  category: z.string(),
  kind: z.enum(["relax", "attention"]),
  reviews: z.number().int(),
  unmodifiedRate: z.number(),
  modifiedRate: z.number(),
  current: Thresholds,
  suggested: Thresholds,
  explanation: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** POST /api/metrics/recommendations/apply */
export const ApplyRecommendation = z.object({
  category: CategoryName,
  thresholds: Thresholds,
});
