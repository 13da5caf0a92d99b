/** The periods the dashboard offers. */
export const PERIODS = [
  { id: "24h", label: "24 hours" },
  { id: "7d", label: "7 days" },
  { id: "30d", label: "30 days" },
  { id: "custom", label: "Custom" },
] as const;

export type PeriodId = (typeof PERIODS)[number]["id"];

/** A time span, both ends included. */
export interface Range {
  from: Date;
  to: Date;
}

const HOUR = 3_600_000;
const SPAN_HOURS: Record<Exclude<PeriodId, "custom">, number> = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 };

/** The span of a preset period, ending now. */
export function presetRange(period: Exclude<PeriodId, "custom">, now: Date): Range {
  return { from: new Date(now.getTime() - SPAN_HOURS[period] * HOUR), to: now };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDay(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Rejects dates that roll over, such as 2030-02-31.
  return date.getDate() === Number(m[3]) ? date : null;
}

/**
 * A custom span from two calendar days in the supervisor's time zone ("2030-01-01" to "2030-01-07"):
 * from the first day's midnight to the end of the last day. Null when a day is invalid or the span
 * runs backwards.
 */
export function customRange(fromDay: string, toDay: string): Range | null {
  const from = localDay(fromDay);
  const lastDay = localDay(toDay);
  if (!from || !lastDay) return null;
  const to = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1, 0, 0, 0, -1);
  return from <= to ? { from, to } : null;
}

/** A date as a date input shows it ("2030-01-07", local time). */
export function dayInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
