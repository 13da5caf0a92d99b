/** Someone who may be offered a handoff now. */
export interface Candidate {
  id: string;
  name: string;
  /** Conversations they hold plus offers waiting on them. */
  load: number;
  capacity: number;
}

/**
 * Who gets the next offer: the least-loaded candidate under their capacity; among equally loaded
 * ones, the first after the one who got the team's last offer in the team's order (round-robin),
 * wrapping around. `order` is every member's id, so the turn passes on correctly even when the last
 * one offered is no longer a candidate (away, full, or asked already).
 */
export function pickAgent(
  candidates: readonly Candidate[],
  order: readonly string[],
  lastOffered: string | null,
): Candidate | null {
  const open = candidates.filter((c) => c.load < c.capacity);
  if (open.length === 0) return null;
  const least = Math.min(...open.map((c) => c.load));
  const place = (c: Candidate) => order.indexOf(c.id);
  const tied = open.filter((c) => c.load === least).sort((a, b) => place(a) - place(b));
  const lastPlace = lastOffered === null ? -1 : order.indexOf(lastOffered);
  return tied.find((c) => place(c) > lastPlace) ?? tied[0] ?? null;
}
