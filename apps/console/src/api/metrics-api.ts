import { z } from "zod";
import { Metrics, Recommendation, Settings, type MetricsQuery, type Thresholds } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/metrics for a period and, optionally, one category. */
export const getMetrics = (client: RestClient, query: MetricsQuery) =>
  client.get(z.object({ metrics: Metrics }), "/api/metrics", query).then((r) => r.metrics);

/** GET /api/metrics/recommendations: threshold changes the review history supports. */
export const getRecommendations = (client: RestClient) =>
  client
    .get(z.object({ recommendations: z.array(Recommendation) }), "/api/metrics/recommendations")
    .then((r) => r.recommendations);

/** Applies a recommendation (audited as a settings change) and returns the new settings. */
export const applyRecommendation = (client: RestClient, category: string, thresholds: Thresholds) =>
  client
    .post(z.object({ settings: Settings }), "/api/metrics/recommendations/apply", { category, thresholds })
    .then((r) => r.settings);
