import type { Request, Response } from "express";
import { z } from "zod";
import { Id } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";

const Params = z.object({ id: Id });

/** GET /api/conversations/:id: the full transcript (with internal notes) and its reviews. */
export const getConversation = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  const snapshot = await platform.conversations.snapshot(id, 0, { includeInternal: true });
  res.json({ ...snapshot, reviews: await platform.store.reviews.listByConversation(id) });
};
