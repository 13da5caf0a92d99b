import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { Id, WebhookCreate, WebhookUpdate } from "@handoff/contracts";
import type { WebhookService } from "@handoff/core";
import { currentUser } from "../http/auth-middleware";

const Params = z.object({ id: Id });
const DeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * Webhook endpoints (supervisors): GET lists them, POST registers one and answers its signing secret
 * once, PATCH enables, disables or changes its events, GET .../deliveries shows the latest attempts.
 */
export function mountWebhookRoutes(
  app: Express,
  webhooks: WebhookService,
  supervisors: RequestHandler,
): void {
  app.get("/api/webhooks", supervisors, async (_req: Request, res: Response) => {
    res.json({ endpoints: await webhooks.list() });
  });
  app.post("/api/webhooks", supervisors, async (req: Request, res: Response) => {
    res.status(201).json(await webhooks.create(WebhookCreate.parse(req.body), currentUser(res)));
  });
  app.patch("/api/webhooks/:id", supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json({ endpoint: await webhooks.update(id, WebhookUpdate.parse(req.body), currentUser(res)) });
  });
  app.get("/api/webhooks/:id/deliveries", supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    const { limit } = DeliveriesQuery.parse(req.query);
    res.json({ deliveries: await webhooks.deliveries(id, limit) });
  });
}
