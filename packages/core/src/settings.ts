import type { Settings } from "@handoff/contracts";
import { FITTED_CONFIDENCE } from "./policy/fitted-confidence";

/**
 * Settings a fresh install starts with. The auto threshold is the fitted confidence's: the
 * probability above which auto-sent answers were right at least 98% of the time on the evaluation
 * help centers. Between 0.4 and it, a relevant but partial answer is worth a person's review.
 */
export const DEFAULT_SETTINGS: Settings = {
  thresholds: { auto: FITTED_CONFIDENCE.thresholds.auto, review: 0.4 },
  categoryThresholds: {},
  approvalDeadlineMinutes: 30,
  handoffDeadlineMinutes: 15,
  approvalTimeoutPolicy: "escalate",
  softGateCategories: [],
  shadowCategories: [],
  // The server's own demo page has an anchor per article; a real help center sets its own address.
  helpCenterUrl: "/#help-{id}",
  riskRoutes: {},
  customRiskPhrases: [],
};
