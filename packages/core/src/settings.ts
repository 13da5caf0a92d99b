import type { Settings } from "@handoff/contracts";

/**
 * Settings a fresh install starts with. Thresholds were tuned on the trailhead evaluation set and
 * checked on a separate SaaS billing help center: answerable questions mostly score above 0.7,
 * unanswerable ones below 0.65; between 0.4 and 0.7 a relevant but partial answer is worth a review.
 */
export const DEFAULT_SETTINGS: Settings = {
  thresholds: { auto: 0.7, review: 0.4 },
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
