import { z } from "zod";
import { RefitPreview, Settings, type FittedConfidence, type RefitQuery } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** POST /api/confidence/refit/preview: the fit the period's decisions support, before applying it. */
export const previewRefit = (client: RestClient, query: RefitQuery) =>
  client
    .post(z.object({ preview: RefitPreview }), "/api/confidence/refit/preview", query)
    .then((r) => r.preview);

/** POST /api/confidence/refit/apply: applies the previewed fit (audited) and returns the new settings. */
export const applyRefit = (client: RestClient, model: FittedConfidence) =>
  client
    .post(z.object({ settings: Settings }), "/api/confidence/refit/apply", { model })
    .then((r) => r.settings);
