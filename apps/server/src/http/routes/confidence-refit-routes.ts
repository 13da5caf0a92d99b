import type { Request, Response } from "express";
import { RefitApply, RefitQuery } from "@handoff/contracts";
import { ConfidenceRefitService } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

/** POST /api/confidence/refit/preview (supervisors): the fit the period's decisions support; changes nothing. */
export const previewRefit = (platform: Platform) => {
  const refit = new ConfidenceRefitService(platform.store, platform.settings);
  return async (req: Request, res: Response) => {
    res.json({ preview: await refit.preview(RefitQuery.parse(req.body ?? {})) });
  };
};

/** POST /api/confidence/refit/apply (supervisors): applies a previewed fit; audited. */
export const applyRefit = (platform: Platform) => {
  const refit = new ConfidenceRefitService(platform.store, platform.settings);
  return async (req: Request, res: Response) => {
    const { model } = RefitApply.parse(req.body);
    res.json({ settings: await refit.apply(model, currentActor(res)) });
  };
};
