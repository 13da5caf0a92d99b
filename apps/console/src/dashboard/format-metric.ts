import { duration } from "../components/format-time";

/** Shown where there is nothing to measure yet (no messages, no decisions). */
export const NO_DATA = "—";

/** 0.6 -> "60%". */
export const percent = (rate: number | null): string =>
  rate === null ? NO_DATA : `${Math.round(rate * 100)}%`;

/** A duration in the console's compact style ("45s", "12m"). */
export const timeText = (ms: number | null): string => (ms === null ? NO_DATA : duration(ms));

/** An average score with one decimal ("4.3"). */
export const scoreText = (score: number | null): string => (score === null ? NO_DATA : score.toFixed(1));
