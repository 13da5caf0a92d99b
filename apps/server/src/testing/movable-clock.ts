import type { Clock } from "@handoff/core";

/** A clock a test moves forward, shared by the servers it starts. */
export function movableClock(): Clock & { advanceMinutes(minutes: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advanceMinutes: (m) => (offset += m * 60_000) };
}
