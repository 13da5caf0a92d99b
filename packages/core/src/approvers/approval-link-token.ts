import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ApprovalLinkAction, Id } from "@handoff/contracts";

/** What an emailed approval link carries: who may do what to which review, until when. */
export const ApprovalLinkClaims = z.strictObject({
  reviewId: Id,
  userId: Id,
  action: ApprovalLinkAction,
  /** Unix seconds after which the link is refused. */
  expiresAt: z.number().int().positive(),
  /** Makes every link unique, so two links for one review never share a token. */
  nonce: z.string().min(8).max(64),
});
export type ApprovalLinkClaims = z.infer<typeof ApprovalLinkClaims>;

/** Why a link was refused before anything was looked up. */
export type ApprovalLinkRefusal = "malformed" | "bad_signature" | "expired";

const mac = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest();

/** New claims for one action on a review, valid for `ttlSeconds` from `nowSeconds`. */
export function approvalLinkClaims(
  input: { reviewId: string; userId: string; action: ApprovalLinkAction },
  nowSeconds: number,
  ttlSeconds: number,
): ApprovalLinkClaims {
  return { ...input, expiresAt: nowSeconds + ttlSeconds, nonce: randomBytes(9).toString("base64url") };
}

/** `<base64url JSON claims>.<base64url HMAC-SHA256 of that part>`: URL-safe, readable only as what it says. */
export function signApprovalLink(secret: string, claims: ApprovalLinkClaims): string {
  const payload = Buffer.from(JSON.stringify(ApprovalLinkClaims.parse(claims))).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/**
 * The claims of a token this server signed and that has not expired at `nowSeconds`; the signature is
 * compared in constant time before the claims are read.
 */
export function verifyApprovalLink(
  secret: string,
  token: string,
  nowSeconds: number,
): { ok: true; claims: ApprovalLinkClaims } | { ok: false; reason: ApprovalLinkRefusal } {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad_signature" };
  const claims = ApprovalLinkClaims.safeParse(parseJson(Buffer.from(payload, "base64url").toString("utf8")));
  if (!claims.success) return { ok: false, reason: "malformed" };
  if (claims.data.expiresAt <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, claims: claims.data };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
