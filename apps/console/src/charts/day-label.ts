/** "2030-03-04" (a UTC day, as the server groups them) -> "Mar 4". */
export const dayLabel = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString([], { month: "short", day: "numeric", timeZone: "UTC" });

/** Every how many bars an x label fits without overlapping its neighbours. */
export const labelEvery = (count: number, room = 10) => Math.max(1, Math.ceil(count / room));
