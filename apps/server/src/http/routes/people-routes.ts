import type { Request, Response } from "express";
import { z } from "zod";
import { Id, InviteRequest, PersonUpdate } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentUser } from "../auth-middleware";

const Params = z.object({ id: Id });

/** GET /api/people (supervisors): every account and the open invitations. */
export const listPeople = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json(await platform.people.list());
};

/** POST /api/people/invites (supervisors): a one-time link to join, shown once and emailed if set up. */
export const invitePerson = (platform: Platform) => async (req: Request, res: Response) => {
  res.status(201).json(await platform.people.invite(InviteRequest.parse(req.body), currentUser(res)));
};

/** DELETE /api/people/invites/:id (supervisors): withdraws an unused invitation. */
export const revokeInvite = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({ link: await platform.people.revokeLink(id, currentUser(res)) });
};

/** PATCH /api/people/:id (supervisors): a new role or name. */
export const updatePerson = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({ person: await platform.people.update(id, PersonUpdate.parse(req.body), currentUser(res)) });
};

/** POST /api/people/:id/deactivate (supervisors): sessions end, held handoffs go back to the queue. */
export const deactivatePerson = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json(await platform.people.deactivate(id, currentUser(res)));
};

/** POST /api/people/:id/reactivate (supervisors) */
export const reactivatePerson = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({ person: await platform.people.reactivate(id, currentUser(res)) });
};

/** POST /api/people/:id/password-reset (supervisors): the old password stops working; a one-time link. */
export const resetPassword = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.status(201).json(await platform.people.resetPassword(id, currentUser(res)));
};
