import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signSlackRequest, verifySlackRequest } from "./slack-signature";

describe("Slack request signatures", () => {
  const secret = "8f742231b10e8888abcd99yyyzzz85a5";
  const rawBody = "payload=%7B%22type%22%3A%22block_actions%22%7D";
  const now = 1_800_000_000;

  it("is v0= and the hex HMAC-SHA256 of v0:<timestamp>:<body>, as Slack documents it", () => {
    const mac = createHmac("sha256", secret).update(`v0:${now}:${rawBody}`).digest("hex");
    expect(signSlackRequest(secret, now, rawBody)).toBe(`v0=${mac}`);
  });

  it("accepts a signed request within five minutes and refuses an old one, a changed body or another secret", () => {
    const signature = signSlackRequest(secret, now, rawBody);
    const request = { timestamp: String(now), signature, rawBody };
    expect(verifySlackRequest(secret, request, now + 300)).toBe(true);
    expect(verifySlackRequest(secret, request, now + 301)).toBe(false);
    expect(verifySlackRequest(secret, { ...request, rawBody: `${rawBody}x` }, now)).toBe(false);
    expect(verifySlackRequest("another-secret", request, now)).toBe(false);
    expect(verifySlackRequest(secret, { ...request, signature: undefined }, now)).toBe(false);
    expect(verifySlackRequest(secret, { ...request, timestamp: "soon" }, now)).toBe(false);
  });
});
