import { createHmac, timingSafeEqual } from "node:crypto";

/** True when `signature` is the HMAC-SHA256 (hex) of `userId` under the site's secret. */
export function verifyIdentity(secret: string, userId: string, signature: string): boolean {
  const expected = Buffer.from(createHmac("sha256", secret).update(userId).digest("hex"));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
