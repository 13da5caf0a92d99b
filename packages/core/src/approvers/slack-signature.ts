import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's window: a request whose timestamp is further than this from our clock is refused (a replay). */
export const SLACK_TOLERANCE_SECONDS = 300;

/** `v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">`, Slack's X-Slack-Signature. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/**
 * Whether a request came from Slack: its X-Slack-Request-Timestamp is within the tolerance of
 * `nowSeconds` and its X-Slack-Signature signs the exact raw body with our signing secret (compared
 * in constant time).
 */
export function verifySlackRequest(
  signingSecret: string,
  request: { timestamp: string | undefined; signature: string | undefined; rawBody: string },
  nowSeconds: number,
  toleranceSeconds = SLACK_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(request.timestamp);
  if (!request.timestamp || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  if (!request.signature?.startsWith("v0=")) return false;
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, request.rawBody));
  const given = Buffer.from(request.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
