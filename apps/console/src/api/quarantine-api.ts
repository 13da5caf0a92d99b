import { z } from "zod";
import { Article, Correction, QuarantineList } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/kb/quarantine: knowledge held back from the bot, each piece with its reasons. */
export const listQuarantine = (client: RestClient) => client.get(QuarantineList, "/api/kb/quarantine");

/** Lets the bot use a quarantined article again (audited). */
export const releaseArticle = (client: RestClient, id: string) =>
  client
    .post(z.object({ article: Article }), `/api/kb/articles/${encodeURIComponent(id)}/release`, {})
    .then((r) => r.article);

/** Removes an article from the help center (audited). */
export const deleteArticle = (client: RestClient, id: string) =>
  client.delete(z.object({ deleted: z.string() }), `/api/kb/articles/${encodeURIComponent(id)}`);

/** Approves a quarantined correction after all (audited). */
export const releaseCorrection = (client: RestClient, id: string) =>
  client
    .post(z.object({ correction: Correction }), `/api/corrections/${encodeURIComponent(id)}/release`, {})
    .then((r) => r.correction);
