import { z } from "zod";
import { Team, TeamList, type TeamInput, type TeamPatch } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

const One = z.object({ team: Team });

/** GET /api/teams: every team with whether it answers now. */
export const listTeams = (client: RestClient) => client.get(TeamList, "/api/teams").then((r) => r.teams);

/** A new team (supervisors). */
export const createTeam = (client: RestClient, input: TeamInput) =>
  client.post(One, "/api/teams", input).then((r) => r.team);

/** Changes a team (supervisors). */
export const updateTeam = (client: RestClient, id: string, patch: TeamPatch) =>
  client.patch(One, `/api/teams/${encodeURIComponent(id)}`, patch).then((r) => r.team);

/** Deletes a team (supervisors). */
export const deleteTeam = (client: RestClient, id: string) =>
  client.delete(z.object({ deleted: z.string() }), `/api/teams/${encodeURIComponent(id)}`);
