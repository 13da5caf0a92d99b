import type { Request, Response } from "express";
import { LoginRequest } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { bearerToken, currentUser } from "../auth-middleware";

/** POST /api/auth/login */
export const login = (platform: Platform) => async (req: Request, res: Response) => {
  const { email, password } = LoginRequest.parse(req.body);
  res.json(await platform.auth.login(email, password));
};

/** POST /api/auth/logout */
export const logout = (platform: Platform) => async (req: Request, res: Response) => {
  const token = bearerToken(req);
  if (token) await platform.auth.logout(token);
  res.status(204).end();
};

/** GET /api/auth/me */
export const me = () => async (_req: Request, res: Response) => {
  res.json({ user: currentUser(res) });
};
