import { createHmac, timingSafeEqual } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE_CHARS = 20;

function signature(secret: string, conversationId: string): string {
  return createHmac("sha256", secret)
    .update(`reply:${conversationId}`)
    .digest("hex")
    .slice(0, SIGNATURE_CHARS);
}

/**
 * The reply address of a conversation: reply+<id><signature>@domain, the id's 32 hex digits followed by
 * 80 bits of HMAC-SHA256, all lower case (some mail servers lower-case the local part), 58 characters
 * before the @ (the limit is 64). Null when the id is not a UUID (every conversation id is one).
 */
export function replyAddress(secret: string, domain: string, conversationId: string): string | null {
  const id = conversationId.toLowerCase();
  if (!UUID.test(id)) return null;
  return `reply+${id.replaceAll("-", "")}${signature(secret, id)}@${domain}`;
}

/**
 * Reads the reply addresses among `addresses`: "none" when none is one of ours, "forged" when one looks
 * like ours but its signature is wrong, else the conversation id.
 */
export function conversationFromAddresses(
  secret: string,
  domain: string,
  addresses: readonly string[],
): { kind: "none" } | { kind: "forged" } | { kind: "found"; conversationId: string } {
  const ours = addresses
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.startsWith("reply+") && a.endsWith(`@${domain.toLowerCase()}`));
  if (ours.length === 0) return { kind: "none" };
  for (const address of ours) {
    const token = address.slice("reply+".length, address.lastIndexOf("@"));
    const match = /^([0-9a-f]{32})([0-9a-f]{20})$/.exec(token);
    if (!match?.[1] || !match[2]) continue;
    const hex = match[1];
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const expected = Buffer.from(signature(secret, id));
    if (timingSafeEqual(expected, Buffer.from(match[2]))) return { kind: "found", conversationId: id };
  }
  return { kind: "forged" };
}
