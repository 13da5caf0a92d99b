import type { Request, Response } from "express";
import { PasswordChange, ProfileUpdate } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { bearerToken, currentUser } from "../auth-middleware";

/** PATCH /api/me: the signed-in user's own display name. */
export const updateProfile = (platform: Platform) => async (req: Request, res: Response) => {
  const { name } = ProfileUpdate.parse(req.body);
  res.json({ user: await platform.people.updateProfile(currentUser(res), name) });
};

/** POST /api/me/password: the signed-in user's own password; their other sessions end. */
export const changePassword = (platform: Platform) => async (req: Request, res: Response) => {
  const input = PasswordChange.parse(req.body);
  const session = await platform.auth.session(bearerToken(req));
  if (!session) throw new DomainError("unauthorized", "sign in first");
  await platform.people.changePassword(session.user, input, session.id);
  res.status(204).end();
};
