import type { Request, Response } from "express";
import { KbImportRequest } from "@handoff/contracts";
import { isLive } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { parseMarkdownFiles } from "../../knowledge/parse-markdown-files";
import { currentActor } from "../auth-middleware";

/** GET /api/kb/articles: the articles the bot answers from (quarantined ones are under /api/kb/quarantine). */
export const listArticles = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json({ articles: (await platform.store.articles.list()).filter(isLive) });
};

/**
 * POST /api/kb/import (supervisors): all files are parsed first, so one bad file imports nothing.
 * Articles that instruct the bot or ask for secrets are stored quarantined and listed in the answer.
 */
export const importArticles = (platform: Platform) => async (req: Request, res: Response) => {
  const { files } = KbImportRequest.parse(req.body);
  const articles = await parseMarkdownFiles(files);
  res.json(await platform.knowledge.importArticles(articles, currentActor(res)));
};
