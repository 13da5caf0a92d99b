import type { Request, Response } from "express";
import type { Platform } from "../../app/create-platform";

/** GET /healthz: the process is up and its store answers. */
export const health = (platform: Platform) => async (_req: Request, res: Response) => {
  const articles = await platform.store.articles.count();
  res.json({ status: "ok", model: platform.model.name, articles });
};
