import type { Team } from "@handoff/contracts";

/**
 * The team that handles a category: the one that lists it, else the catch-all team (one with no
 * categories; the oldest, if there are several), else none. A conversation without a category goes
 * to the catch-all team.
 */
export function teamForCategory(teams: readonly Team[], category: string | null): Team | null {
  const named = category ? teams.find((team) => team.categories.includes(category)) : undefined;
  if (named) return named;
  const catchAll = teams
    .filter((team) => team.categories.length === 0)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return catchAll[0] ?? null;
}
