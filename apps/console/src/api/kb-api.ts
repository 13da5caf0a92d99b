import { z } from "zod";
import { Article } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/kb/articles: the help center, whose tags name the categories the bot routes by. */
export const listArticles = (client: RestClient) =>
  client.get(z.object({ articles: z.array(Article) }), "/api/kb/articles").then((r) => r.articles);
