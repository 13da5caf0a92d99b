import { ApiChannelCreate, ApiChannelUpdate, ChannelMessageCreate, Id } from "@handoff/contracts";
import { ApiChannelAdapter, ApiChannelAdmin, ApiIntake } from "@handoff/core";
import type { Request, Response } from "express";
import { z } from "zod";
import { currentUser } from "../../http/auth-middleware";
import { httpSender } from "../../webhooks/http-sender";
import { answerAccepted, apiKeyOnly } from "../channel-http";
import type { ChannelFactory } from "../server-channel";

const Params = z.object({ id: Id });
const DeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * API channels, for any other platform (a WhatsApp or Slack bridge): supervisors create them (the
 * signing secret shown once) and read their deliveries; the platform posts customers' messages with an
 * API key and gets each reply signed at the channel's webhook.
 */
export const apiChannel: ChannelFactory = ({ platform, deps }) => {
  const admin = new ApiChannelAdmin(deps);
  const intake = new ApiIntake(deps);
  return {
    adapter: new ApiChannelAdapter(deps, httpSender()),
    mountRoutes(app, { agents, supervisors }) {
      app.get("/api/channels", supervisors, async (_req: Request, res: Response) => {
        res.json({ channels: await admin.list() });
      });
      app.post("/api/channels", supervisors, async (req: Request, res: Response) => {
        res.status(201).json(await admin.create(ApiChannelCreate.parse(req.body), currentUser(res)));
      });
      app.patch("/api/channels/:id", supervisors, async (req: Request, res: Response) => {
        const { id } = Params.parse(req.params);
        res.json({ channel: await admin.update(id, ApiChannelUpdate.parse(req.body), currentUser(res)) });
      });
      app.get("/api/channels/:id/deliveries", supervisors, async (req: Request, res: Response) => {
        const { id } = Params.parse(req.params);
        const { limit } = DeliveriesQuery.parse(req.query);
        res.json({ deliveries: await admin.deliveries(id, limit) });
      });
      app.post("/api/channels/:id/messages", apiKeyOnly, agents, async (req: Request, res: Response) => {
        const { id } = Params.parse(req.params);
        const input = ChannelMessageCreate.parse(req.body);
        answerAccepted(platform.logger, res, await intake.receive(id, input));
      });
    },
    stop() {},
  };
};
