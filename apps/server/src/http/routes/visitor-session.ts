import type { Request, Response } from "express";
import { VisitorSessionRequest } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";

/** POST /api/visitor: resumes the conversation of a valid stored token, or starts a new one. */
export const visitorSession = (platform: Platform) => async (req: Request, res: Response) => {
  const { token, customer } = VisitorSessionRequest.parse(req.body ?? {});
  const existing = platform.auth.verifyVisitorToken(token);
  if (existing && token && (await platform.store.conversations.get(existing))) {
    if (customer) await platform.store.conversations.updateCustomer(existing, customer);
    res.json({ token, conversationId: existing });
    return;
  }
  const conversation = await platform.conversations.startConversation(customer ?? {});
  res
    .status(201)
    .json({ token: platform.auth.issueVisitorToken(conversation.id), conversationId: conversation.id });
};
