import type { Express, Request, Response } from "express";
import { z } from "zod";
import { Id } from "@handoff/contracts";
import { conversationChannel } from "@handoff/core";
import type { ChannelRuntime } from "./channel-runtime";
import type { ChannelGuards } from "./server-channel";

const Params = z.object({ id: Id });

/** Every channel's routes, and the one agents use to see a conversation's channel and its deliveries. */
export function mountChannelRoutes(app: Express, runtime: ChannelRuntime, guards: ChannelGuards): void {
  for (const channel of runtime.channels) channel.mountRoutes(app, guards);
  app.get("/api/conversations/:id/channel", guards.agents, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json(await conversationChannel(runtime.deps, id));
  });
}
