import type { Request, Response } from "express";
import { ApplyRecommendation, MetricsQuery } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

/** GET /api/metrics?from=&to=&category= (supervisors) */
export const getMetrics = (platform: Platform) => async (req: Request, res: Response) => {
  res.json({ metrics: await platform.metrics.compute(MetricsQuery.parse(req.query)) });
};

/** GET /api/metrics/recommendations (supervisors) */
export const getRecommendations = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json({ recommendations: await platform.metrics.recommendations(await platform.settings.get()) });
};

/** POST /api/metrics/recommendations/apply: sets one category's thresholds; audited as a settings change. */
export const applyRecommendation = (platform: Platform) => async (req: Request, res: Response) => {
  const { category, thresholds } = ApplyRecommendation.parse(req.body);
  const current = await platform.settings.get();
  const settings = await platform.settings.update(
    { categoryThresholds: { ...current.categoryThresholds, [category]: thresholds } },
    currentActor(res),
  );
  res.json({ settings });
};
