import type { Request, Response } from "express";
import { z } from "zod";
import { ArticleId, Id } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

const ArticleParams = z.object({ id: ArticleId });
const CorrectionParams = z.object({ id: Id });

/** GET /api/kb/quarantine (supervisors): held-back articles and corrections, each with its reasons. */
export const listQuarantine = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json(await platform.knowledge.quarantine());
};

/** POST /api/kb/articles/:id/release (supervisors): a quarantined article is used again; audited. */
export const releaseArticle = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = ArticleParams.parse(req.params);
  res.json({ article: await platform.knowledge.releaseArticle(id, currentActor(res)) });
};

/** DELETE /api/kb/articles/:id (supervisors): removes an article from the help center; audited. */
export const deleteArticle = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = ArticleParams.parse(req.params);
  await platform.knowledge.deleteArticle(id, currentActor(res));
  res.json({ deleted: id });
};

/** POST /api/corrections/:id/release (supervisors): a quarantined correction is approved; audited. */
export const releaseCorrection = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = CorrectionParams.parse(req.params);
  res.json({ correction: await platform.feedback.release(id, currentActor(res)) });
};
