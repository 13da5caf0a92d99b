/** The moment `minutes` after `now`, as an ISO timestamp. */
export function deadlineAfter(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}
