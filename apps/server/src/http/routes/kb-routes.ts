import type { Request, Response } from "express";
import { KbImportRequest } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { parseMarkdownArticle } from "../../knowledge/markdown-article";
import { currentActor } from "../auth-middleware";

/** GET /api/kb/articles */
export const listArticles = (platform: Platform) => async (_req: Request, res: Response) => {
  res.json({ articles: await platform.store.articles.list() });
};

/** POST /api/kb/import (supervisors): all files are parsed first, so one bad file imports nothing. */
export const importArticles = (platform: Platform) => async (req: Request, res: Response) => {
  const { files } = KbImportRequest.parse(req.body);
  const articles = files.map((f) => parseMarkdownArticle(f.name, f.content));
  res.json(await platform.knowledge.importArticles(articles, currentActor(res)));
};
