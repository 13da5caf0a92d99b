/**
 * One routed message the confidence is fitted on: its confidence parts (by name), whether sending
 * its first draft at once would have been right, whether the score decides its route at all
 * (`eligible`: no risk rule, out-of-scope verdict or missing draft forced it), and the group it
 * belongs to (a help center, for leave-one-group-out validation).
 */
export interface FitSample {
  group: string;
  parts: Readonly<Record<string, number>>;
  right: boolean;
  eligible: boolean;
  /** Auto-sending was acceptable for this message (the automation rate's denominator). */
  answerable: boolean;
  risky: boolean;
  /**
   * A part of the data the auto threshold must reach the target precision on by itself (a help
   * center's own cases; its probes with corrections loaded); without one, the samples are pooled.
   */
  stratum?: string;
}

/**
 * Route reasons the confidence score decided: a risk rule, an out-of-scope verdict or a model error
 * did not (a shadow-mode approval is one the score would have sent).
 */
export const SCORE_DECIDED_REASONS: ReadonlySet<string> = new Set([
  "high_confidence",
  "medium_confidence",
  "low_confidence",
  "shadow_mode",
]);
