import type { Request, Response } from "express";
import { z } from "zod";
import { AssignRequest, AvailabilityUpdate, Id } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor, currentUser } from "../auth-middleware";

const Params = z.object({ reviewId: Id });

/** GET /api/me/availability: one's own account with its availability and capacity. */
export const getAvailability = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json({ user: await platform.assignment.person(currentUser(res).id) });
};

/** PATCH /api/me/availability: one's own availability (available, away, offline) and capacity. */
export const updateAvailability = (platform: Platform) => async (req: Request, res: Response) => {
  const patch = AvailabilityUpdate.parse(req.body);
  res.json({ user: await platform.assignment.setAvailability(currentUser(res), patch) });
};

/** GET /api/assignments (supervisors): who holds what, who is available, what waits with which offer. */
export const listAssignments = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json(await platform.assignment.assignments());
};

/** POST /api/handoffs/:reviewId/assign (supervisors): give a waiting or held handoff to someone. */
export const assignHandoff = (platform: Platform) => async (req: Request, res: Response) => {
  const { reviewId } = Params.parse(req.params);
  const { userId } = AssignRequest.parse(req.body);
  res.json({ review: await platform.assignment.assign(reviewId, userId, currentActor(res)) });
};
