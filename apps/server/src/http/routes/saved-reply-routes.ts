import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { Id, SavedReplyCreate, SavedReplyUpdate } from "@handoff/contracts";
import { SavedReplyService, systemClock } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { currentUser } from "../auth-middleware";

const Params = z.object({ id: Id });

/**
 * Saved replies: GET lists the team's and the caller's own; POST, PATCH and DELETE change one, with
 * the team's changed by supervisors only (403 for agents) and an agent's own by that agent only.
 */
export function mountSavedReplyRoutes(app: Express, platform: Platform, agents: RequestHandler): void {
  const replies = new SavedReplyService({ store: platform.store, clock: systemClock });

  app.get("/api/saved-replies", agents, async (_req: Request, res: Response) => {
    res.json({ replies: await replies.list(currentUser(res)) });
  });
  app.post("/api/saved-replies", agents, async (req: Request, res: Response) => {
    const reply = await replies.create(SavedReplyCreate.parse(req.body), currentUser(res));
    res.status(201).json({ reply });
  });
  app.patch("/api/saved-replies/:id", agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json({ reply: await replies.update(id, SavedReplyUpdate.parse(req.body), currentUser(res)) });
  });
  app.delete("/api/saved-replies/:id", agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    await replies.remove(id, currentUser(res));
    res.status(204).end();
  });
}
