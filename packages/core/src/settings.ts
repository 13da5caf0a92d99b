import type { Settings } from "@handoff/contracts";

/** Settings a fresh install starts with; tuned on the trailhead evaluation set. */
export const DEFAULT_SETTINGS: Settings = {
  thresholds: { auto: 0.7, review: 0.45 },
  categoryThresholds: {},
  approvalDeadlineMinutes: 30,
  handoffDeadlineMinutes: 15,
};
