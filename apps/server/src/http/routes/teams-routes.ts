import type { Request, Response } from "express";
import { z } from "zod";
import { Id, TeamInput, TeamPatch } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

const Params = z.object({ id: Id });

/** GET /api/teams: every team, with whether it answers now. */
export const listTeams = (platform: Platform) => async (_req: Request, res: Response) => {
  const teams = await platform.teams.list();
  const hours = await Promise.all(teams.map((team) => platform.teams.hoursOf(team)));
  res.json({ teams: teams.map((team, i) => ({ ...team, status: hours[i] })) });
};

/** POST /api/teams (supervisors) */
export const createTeam = (platform: Platform) => async (req: Request, res: Response) => {
  res.status(201).json({ team: await platform.teams.create(TeamInput.parse(req.body), currentActor(res)) });
};

/** PATCH /api/teams/:id (supervisors) */
export const updateTeam = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({ team: await platform.teams.update(id, TeamPatch.parse(req.body), currentActor(res)) });
};

/** DELETE /api/teams/:id (supervisors) */
export const deleteTeam = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  await platform.teams.delete(id, currentActor(res));
  res.json({ deleted: id });
};
