import type { Express, NextFunction, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import {
  ApiChannelCreate,
  ApiChannelUpdate,
  ChannelMessageCreate,
  ContinueByEmail,
  Id,
  InboundEmail,
} from "@handoff/contracts";
import { DomainError, type Accepted } from "@handoff/core";
import { apiKeyGrantOf } from "../api-keys/api-key-gate";
import type { Logger } from "../app/logger";
import { currentUser } from "../http/auth-middleware";
import type { ChannelRuntime } from "./channel-runtime";

const Params = z.object({ id: Id });
const DeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Inbound channel traffic comes from integrations, never from a console session: an API key is required. */
function apiKeyOnly(req: Request, _res: Response, next: NextFunction): void {
  if (!apiKeyGrantOf(req))
    throw new DomainError(
      "unauthorized",
      "this endpoint takes an API key (Bearer hk_...) with the messages:send scope",
    );
  next();
}

/**
 * Channels: supervisors manage API channels (the secret shown once) and read their deliveries;
 * integrations post customers' messages (API channels) and parsed emails with an API key; agents see
 * a conversation's channel and can continue it by email.
 */
export function mountChannelRoutes(
  app: Express,
  channels: ChannelRuntime,
  guards: { agents: RequestHandler; supervisors: RequestHandler },
  logger: Logger,
): void {
  const { agents, supervisors } = guards;
  // 202 for a new message (the reply goes out on the channel), 200 for one already received.
  const answer = (res: Response, { processed, ...accepted }: Accepted) => {
    processed.catch((err: unknown) =>
      logger.error({ err, conversationId: accepted.conversationId }, "the bot failed to process a message"),
    );
    res.status(accepted.duplicate ? 200 : 202).json(accepted);
  };
  app.get("/api/channels", supervisors, async (_req: Request, res: Response) => {
    res.json({ channels: await channels.admin.list() });
  });
  app.post("/api/channels", supervisors, async (req: Request, res: Response) => {
    res.status(201).json(await channels.admin.create(ApiChannelCreate.parse(req.body), currentUser(res)));
  });
  app.patch("/api/channels/:id", supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json({
      channel: await channels.admin.update(id, ApiChannelUpdate.parse(req.body), currentUser(res)),
    });
  });
  app.get("/api/channels/:id/deliveries", supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    const { limit } = DeliveriesQuery.parse(req.query);
    res.json({ deliveries: await channels.admin.deliveries(id, limit) });
  });
  app.post("/api/channels/email/inbound", apiKeyOnly, agents, async (req: Request, res: Response) => {
    answer(res, await channels.intake.receiveEmail(InboundEmail.parse(req.body)));
  });
  app.post("/api/channels/:id/messages", apiKeyOnly, agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    const input = ChannelMessageCreate.parse(req.body);
    answer(res, await channels.intake.receiveApi(id, input));
  });
  app.get("/api/conversations/:id/channel", agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json(await channels.admin.conversationChannel(id));
  });
  app.post("/api/conversations/:id/email", agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    const { address } = ContinueByEmail.parse(req.body ?? {});
    res.json({ link: await channels.admin.continueByEmail(id, address, currentUser(res)) });
  });
}
