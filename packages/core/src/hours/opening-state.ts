import { DateTime } from "luxon";
import {
  minutesOf,
  Weekday,
  type BusinessHours,
  type HoursStatus,
  type OpeningSpan,
} from "@handoff/contracts";

/** How far ahead the next opening is looked for (a year of holidays cannot hide every day). */
const HORIZON_DAYS = 400;

/** One opening as instants: a span on one local date. */
interface Opening {
  start: DateTime;
  end: DateTime;
}

// Luxon numbers weekdays 1 (Monday) to 7 (Sunday), as Weekday lists them.
const dayOf = (date: DateTime): Weekday => Weekday.options[date.weekday - 1] ?? "mon";

/** The openings of one local date (none on a holiday), earliest first. */
function openingsOn(hours: BusinessHours, date: DateTime): Opening[] {
  if (hours.holidays.some((h) => h.date === date.toISODate())) return [];
  const day = dayOf(date);
  // Set as wall-clock time (not an offset from midnight), so a day that changes clocks keeps "09:00".
  const at = (time: string) => {
    const minutes = minutesOf(time);
    const midnight = date.startOf("day");
    return minutes === 24 * 60
      ? midnight.plus({ days: 1 }).startOf("day")
      : midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  };
  return hours.weekly
    .filter((span: OpeningSpan) => span.day === day)
    .map((span) => ({ start: at(span.open), end: at(span.close) }))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/**
 * Whether a team with these hours answers at `now`, and when that next changes. Times are read in
 * the team's time zone, so "09:00" is nine in the morning there in summer and in winter alike; a
 * span running to "24:00" and one from "00:00" the next day join up.
 */
export function openingState(hours: BusinessHours | null, now: Date): HoursStatus {
  if (!hours) return { open: true, opensAt: null, closesAt: null, timeZone: null };
  const here = DateTime.fromJSDate(now, { zone: hours.timeZone });
  const instant = here.toMillis();
  let current: Opening | null = null;
  // Yesterday too: its last span may run into today.
  for (let offset = -1; offset <= HORIZON_DAYS; offset++) {
    for (const opening of openingsOn(hours, here.plus({ days: offset }))) {
      if (opening.end.toMillis() <= instant) continue;
      if (current) {
        // Open: the closing time moves on while the next span starts when this one ends.
        if (opening.start.toMillis() > current.end.toMillis()) return state(true, null, current.end, hours);
        if (opening.end.toMillis() > current.end.toMillis())
          current = { start: current.start, end: opening.end };
      } else if (opening.start.toMillis() <= instant) {
        current = opening;
      } else {
        return state(false, opening.start, null, hours);
      }
    }
  }
  return current ? state(true, null, current.end, hours) : state(false, null, null, hours);
}

function state(open: boolean, opensAt: DateTime | null, closesAt: DateTime | null, hours: BusinessHours) {
  const iso = (t: DateTime | null) => (t ? t.toUTC().toISO({ suppressMilliseconds: true }) : null);
  return { open, opensAt: iso(opensAt), closesAt: iso(closesAt), timeZone: hours.timeZone };
}
