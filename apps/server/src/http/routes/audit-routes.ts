import type { Request, Response } from "express";
import { AuditQuery } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { searchService } from "./search-routes";

/** GET /api/audit (supervisors); the conversation may be given as the console shows it ("#3f2a9c1d"). */
export const listAudit = (platform: Platform) => {
  const search = searchService(platform);
  return async (req: Request, res: Response) => {
    const query = AuditQuery.parse(req.query);
    if (query.conversationId) query.conversationId = await search.resolveConversationId(query.conversationId);
    res.json({ events: await platform.store.audit.list(query) });
  };
};
