import type { Request, Response } from "express";
import { ApplyRecommendation, MetricsQuery } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentUser } from "../auth-middleware";

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
  const user = currentUser(res);
  const current = await platform.settings.get();
  const settings = await platform.settings.update(
    { categoryThresholds: { ...current.categoryThresholds, [category]: thresholds } },
    { type: "user", id: user.id, name: user.name },
  );
  res.json({ settings });
};
