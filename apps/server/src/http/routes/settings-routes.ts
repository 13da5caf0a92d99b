import type { Request, Response } from "express";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

/** GET /api/settings */
export const getSettings = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json({ settings: await platform.settings.get() });
};

/** PUT /api/settings (supervisors): validated whole; an invalid change changes nothing. */
export const updateSettings = (platform: Platform) => async (req: Request, res: Response) => {
  res.json({
    settings: await platform.settings.update(req.body, currentActor(res)),
  });
};
