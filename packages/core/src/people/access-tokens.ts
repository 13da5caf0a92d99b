import { createHash, randomBytes } from "node:crypto";

/** A random token for a one-time link: 256 bits, URL-safe. */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Links are stored by a hash of their token, so a leaked database holds no usable link. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
