import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { AgentMessageCreate, Id } from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import { currentUser } from "../http/auth-middleware";

const Params = z.object({ id: Id });

/**
 * POST /api/conversations/:id/messages: an agent's reply (while holding the conversation) or an
 * internal note, the same as the console's live chat; a repeated clientId stores nothing new.
 */
export function mountAgentMessageRoute(app: Express, platform: Platform, agents: RequestHandler): void {
  app.post("/api/conversations/:id/messages", agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    const input = AgentMessageCreate.parse(req.body);
    const { message, duplicate } = await platform.conversations.sendAgentMessage(id, currentUser(res), input);
    res.status(duplicate ? 200 : 201).json({ message, duplicate });
  });
}
