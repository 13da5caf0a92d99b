import type { Metrics } from "@handoff/contracts";
import type { Range } from "./period";

/** One day of the chart (a UTC date, as the server groups them). */
export type DayPoint = Metrics["daily"][number];

const DAY_MS = 86_400_000;
const MAX_DAYS = 400;

/**
 * Every UTC day of the range, with the server's counts where there was traffic and zeros elsewhere,
 * so quiet days show as gaps in the chart instead of vanishing.
 */
export function fillDays(daily: readonly DayPoint[], range: Range): DayPoint[] {
  const byDate = new Map(daily.map((d) => [d.date, d]));
  const start = Date.UTC(range.from.getUTCFullYear(), range.from.getUTCMonth(), range.from.getUTCDate());
  const days: DayPoint[] = [];
  for (let t = start; t <= range.to.getTime() && days.length < MAX_DAYS; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    days.push(byDate.get(date) ?? { date, messages: 0, auto: 0, approval: 0, handoff: 0 });
  }
  return days;
}

/** The share answered automatically each day; null on a day without messages. */
export const dailyAutomation = (days: readonly DayPoint[]): Array<number | null> =>
  days.map((d) => (d.messages ? d.auto / d.messages : null));
