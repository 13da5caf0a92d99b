import { BusinessHours, Weekday, type OpeningSpan } from "@handoff/contracts";

/** Names of the days, in the order a week is shown. */
export const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Weekdays nine to five in the browser's time zone: where a new team's hours start. */
export function defaultHours(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): BusinessHours {
  const weekly: OpeningSpan[] = (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({
    day,
    open: "09:00",
    close: "17:00",
  }));
  return { timeZone, weekly, holidays: [] };
}

/** The time zones the browser knows, with the current one first if it is missing. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  return known.includes(current) ? known : [current, ...known];
}

/** Spans sorted by weekday, then opening time (the order the editor and summaries show). */
export function sortedSpans(spans: readonly OpeningSpan[]): OpeningSpan[] {
  const order = (day: Weekday) => Weekday.options.indexOf(day);
  return [...spans].sort((a, b) => order(a.day) - order(b.day) || a.open.localeCompare(b.open));
}

/** "Mon–Fri 09:00–17:00, Sat 10:00–14:00": one line for a list of teams. */
export function hoursSummary(hours: BusinessHours | null): string {
  if (!hours) return "Always open";
  if (hours.weekly.length === 0) return "No opening hours";
  const groups: Array<{ days: Weekday[]; times: string }> = [];
  for (const day of Weekday.options) {
    const times = sortedSpans(hours.weekly.filter((s) => s.day === day))
      .map((s) => `${s.open}–${s.close}`)
      .join(", ");
    if (!times) continue;
    const last = groups.at(-1);
    const previous = last?.days.at(-1);
    const adjacent =
      previous !== undefined && Weekday.options.indexOf(previous) === Weekday.options.indexOf(day) - 1;
    if (last && last.times === times && adjacent) last.days.push(day);
    else groups.push({ days: [day], times });
  }
  const short = (day: Weekday) => DAY_NAMES[day].slice(0, 3);
  const label = (days: Weekday[]) =>
    days.length > 2
      ? `${short(days[0] ?? "mon")}–${short(days.at(-1) ?? "sun")}`
      : days.map(short).join(", ");
  return `${groups.map((g) => `${label(g.days)} ${g.times}`).join("; ")} (${hours.timeZone})`;
}

/** Why hours cannot be saved as they are, field by field, or none. */
export function hoursProblems(hours: BusinessHours): string[] {
  const parsed = BusinessHours.safeParse(hours);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [list, index] = issue.path;
    const row = typeof index === "number" ? index + 1 : null;
    if (list === "weekly" && row) return `Opening hours, row ${row}: ${issue.message}`;
    if (list === "holidays" && row) return `Holidays, row ${row}: ${issue.message}`;
    return issue.message;
  });
}
