/** "45s", "12m", "3h 5m", "2d": a compact duration. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** How long something has waited since `since`. */
export const waited = (since: string, now: number) => duration(now - Date.parse(since));

/** "due in 4m" or "overdue by 2m". */
export function due(deadline: string, now: number): { text: string; overdue: boolean } {
  const left = Date.parse(deadline) - now;
  return left >= 0
    ? { text: `due in ${duration(left)}`, overdue: false }
    : { text: `overdue by ${duration(-left)}`, overdue: true };
}

/** Clock time of a timestamp, for transcripts. */
export const clock = (at: string) =>
  new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Date and time of a timestamp, for lists that span days (queue, audit log). */
export const dateTime = (at: string | Date) =>
  new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
