import { createHmac, timingSafeEqual } from "node:crypto";
import { hashAccessToken, newAccessToken } from "@handoff/core";

/** A random bearer token for a console session. */
export const newSessionToken: () => string = newAccessToken;

/** Sessions are stored by hash so a leaked database does not leak usable tokens. */
export const hashToken: (token: string) => string = hashAccessToken;

/** A visitor token names one conversation and is signed, so a customer cannot reach another's chat. */
export function signVisitorToken(secret: string, conversationId: string): string {
  return `${conversationId}.${createHmac("sha256", secret).update(conversationId).digest("base64url")}`;
}

/** The conversation a visitor token grants, or null when the signature does not match. */
export function verifyVisitorToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const conversationId = token.slice(0, dot);
  const expected = Buffer.from(signVisitorToken(secret, conversationId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? conversationId : null;
}
