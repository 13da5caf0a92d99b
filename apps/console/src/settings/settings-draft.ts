import {
  Settings,
  type ApprovalTimeoutPolicy,
  type CustomRiskPhrase,
  type TunableRiskCategory,
} from "@handoff/contracts";

/** Where a tuned risk category sends a message instead of its built-in route. */
export type RiskRoute = "approval" | "handoff";

/** One category's thresholds as typed (text, so a half-typed number is not lost). */
export interface CategoryRow {
  category: string;
  auto: string;
  review: string;
}

/** The settings form as typed: numbers kept as text until saved. */
export interface SettingsDraft {
  auto: string;
  review: string;
  categories: CategoryRow[];
  approvalDeadlineMinutes: string;
  handoffDeadlineMinutes: string;
  approvalTimeoutPolicy: ApprovalTimeoutPolicy;
  softGateCategories: string[];
  shadowCategories: string[];
  helpCenterUrl: string;
  /** Only the categories whose route differs from the built-in rule. */
  riskRoutes: Partial<Record<TunableRiskCategory, RiskRoute>>;
  customRiskPhrases: CustomRiskPhrase[];
}

/** Problems by field: "thresholds", "category:<row>", "phrase:<row>", or a settings key such as "helpCenterUrl". */
export type FieldErrors = Record<string, string>;

/** Saved settings as the form shows them. */
export function toDraft(s: Settings): SettingsDraft {
  return {
    auto: String(s.thresholds.auto),
    review: String(s.thresholds.review),
    categories: Object.entries(s.categoryThresholds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, t]) => ({ category, auto: String(t.auto), review: String(t.review) })),
    approvalDeadlineMinutes: String(s.approvalDeadlineMinutes),
    handoffDeadlineMinutes: String(s.handoffDeadlineMinutes),
    approvalTimeoutPolicy: s.approvalTimeoutPolicy,
    softGateCategories: [...s.softGateCategories],
    shadowCategories: [...s.shadowCategories],
    helpCenterUrl: s.helpCenterUrl ?? "",
    riskRoutes: { ...s.riskRoutes },
    customRiskPhrases: s.customRiskPhrases.map((p) => ({ ...p })),
  };
}

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Checks a pair of thresholds the way people read them, before the contract's own checks. */
function thresholdProblem(auto: number, review: number): string | null {
  if (!Number.isFinite(auto) || !Number.isFinite(review)) return "Enter both thresholds as numbers.";
  if (auto < 0 || auto > 1 || review < 0 || review > 1) return "Thresholds are numbers from 0 to 1.";
  if (review >= auto) return "The review threshold must be below the auto threshold.";
  return null;
}

/**
 * The settings the form describes, validated by the contracts' Settings schema (the same one the
 * server applies), or the problems by field.
 */
export function fromDraft(
  d: SettingsDraft,
): { settings: Settings; errors: null } | { settings: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const auto = number(d.auto);
  const review = number(d.review);
  const global = thresholdProblem(auto, review);
  if (global) errors.thresholds = global;

  const categoryThresholds: Record<string, { auto: number; review: number }> = {};
  const rowOf = new Map<string, number>();
  d.categories.forEach((row, i) => {
    const name = row.category.trim();
    const t = { auto: number(row.auto), review: number(row.review) };
    const problem = !name
      ? "Name the category."
      : rowOf.has(name)
        ? `${name} is listed twice.`
        : thresholdProblem(t.auto, t.review);
    if (problem) errors[`category:${i}`] = problem;
    if (name && !rowOf.has(name)) rowOf.set(name, i);
    categoryThresholds[name] = t;
  });

  d.customRiskPhrases.forEach((p, i) => {
    if (p.phrase.trim().length < 2) errors[`phrase:${i}`] = "A phrase needs at least 2 characters.";
  });

  const candidate = {
    thresholds: { auto, review },
    categoryThresholds,
    approvalDeadlineMinutes: number(d.approvalDeadlineMinutes),
    handoffDeadlineMinutes: number(d.handoffDeadlineMinutes),
    approvalTimeoutPolicy: d.approvalTimeoutPolicy,
    softGateCategories: d.softGateCategories,
    shadowCategories: d.shadowCategories,
    helpCenterUrl: d.helpCenterUrl.trim() || null,
    riskRoutes: d.riskRoutes,
    customRiskPhrases: d.customRiskPhrases.map((p) => ({ phrase: p.phrase.trim(), category: p.category })),
  };
  const parsed = Settings.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, second] = issue.path;
      const key =
        head === "categoryThresholds" && typeof second === "string"
          ? `category:${rowOf.get(second) ?? 0}`
          : head === "customRiskPhrases" && typeof second === "number"
            ? `phrase:${second}`
            : String(head ?? "form");
      errors[key] ??= friendly(String(head), issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { settings: null, errors };
  return { settings: parsed.data, errors: null };
}

/** The contract's messages, reworded where a field needs more than "too small". */
function friendly(field: string, message: string): string {
  if (field === "approvalDeadlineMinutes" || field === "handoffDeadlineMinutes") {
    return "Enter whole minutes from 1 to 10080 (a week).";
  }
  if (field === "helpCenterUrl") return "The link needs {id} where the article's id goes, or leave it empty.";
  return message;
}
