import type { Request, Response } from "express";
import { AcceptLinkRequest, LinkTokenRequest } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";

/** POST /api/access-links/inspect: what an invitation or reset link is for (before using it). */
export const inspectLink = (platform: Platform) => async (req: Request, res: Response) => {
  const { token } = LinkTokenRequest.parse(req.body);
  res.json({ link: await platform.people.inspect(token) });
};

/** POST /api/access-links/accept: joins (or sets the new password) and signs in. */
export const acceptLink = (platform: Platform) => async (req: Request, res: Response) => {
  const input = AcceptLinkRequest.parse(req.body);
  const { kind } = await platform.people.inspect(input.token);
  const person = await platform.people.accept(input);
  res.json(await platform.auth.startSession(person, kind === "invite" ? "invite" : "reset"));
};
