import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { ConversationSearchQuery, Id } from "@handoff/contracts";
import { ConversationSearchService } from "@handoff/core";
import type { Platform } from "../../app/create-platform";

const ProfileQuery = z.strictObject({ conversationId: Id });

/** The one search service of an app (the audit routes resolve short ids through it too). */
export const searchService = (platform: Platform) => new ConversationSearchService(platform.store);

/**
 * GET /api/search/conversations (any signed-in user): by short id, email, name, message words,
 * status, agent and start date. GET /api/customers/profile: a customer's conversations and ratings.
 */
export function mountSearchRoutes(app: Express, platform: Platform, agents: RequestHandler): void {
  const search = searchService(platform);
  app.get("/api/search/conversations", agents, async (req: Request, res: Response) => {
    res.json({ hits: await search.search(ConversationSearchQuery.parse(req.query)) });
  });
  app.get("/api/customers/profile", agents, async (req: Request, res: Response) => {
    res.json(await search.profile(ProfileQuery.parse(req.query).conversationId));
  });
}
