import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { ApiKeyCreate, Id } from "@handoff/contracts";
import type { ApiKeyService } from "@handoff/core";
import { currentUser } from "../http/auth-middleware";

const Params = z.object({ id: Id });

/**
 * GET /api/api-keys lists every key (prefix only), POST creates one and answers its secret once,
 * POST /api/api-keys/:id/revoke revokes it. Supervisors with a console session only: a key cannot
 * mint keys (the gate refuses keys here).
 */
export function mountApiKeyRoutes(app: Express, keys: ApiKeyService, supervisors: RequestHandler): void {
  app.get("/api/api-keys", supervisors, async (_req: Request, res: Response) => {
    res.json({ keys: await keys.list() });
  });
  app.post("/api/api-keys", supervisors, async (req: Request, res: Response) => {
    res.status(201).json(await keys.create(ApiKeyCreate.parse(req.body), currentUser(res)));
  });
  app.post("/api/api-keys/:id/revoke", supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json({ key: await keys.revoke(id, currentUser(res)) });
  });
}
