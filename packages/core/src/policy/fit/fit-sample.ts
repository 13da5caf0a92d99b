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
}
