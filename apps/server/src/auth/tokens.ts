import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random bearer token for a console session. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Sessions are stored by hash so a leaked database does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

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
