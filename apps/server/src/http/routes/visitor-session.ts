import type { Request, Response } from "express";
import { VisitorSessionRequest, type CustomerProfile } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { verifyIdentity } from "../../auth/identity";

/**
 * POST /api/visitor: resumes the conversation of a valid stored token, or starts a new one. A user
 * id is only taken from a signed identity; an unsigned one is dropped, a wrongly signed one refused.
 */
export const visitorSession = (platform: Platform) => async (req: Request, res: Response) => {
  const { token, customer, identity } = VisitorSessionRequest.parse(req.body ?? {});
  const secret = platform.config.WIDGET_IDENTITY_SECRET;
  const identified = Boolean(
    secret && identity && verifyIdentity(secret, identity.userId, identity.signature),
  );
  if (identity && secret && !identified)
    throw new DomainError("unauthorized", "the identity signature does not match");
  const profile: CustomerProfile = {
    ...customer,
    externalId: identified && identity ? identity.userId : undefined,
  };
  const existing = platform.auth.verifyVisitorToken(token);
  if (existing && token && (await platform.store.conversations.get(existing))) {
    if (customer || identified) await platform.store.conversations.updateCustomer(existing, profile);
    res.json({ token, conversationId: existing, identified });
    return;
  }
  const conversation = await platform.conversations.startConversation(profile);
  res.status(201).json({
    token: platform.auth.issueVisitorToken(conversation.id),
    conversationId: conversation.id,
    identified,
  });
};
