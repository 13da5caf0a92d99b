import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature";

describe("webhook signatures", () => {
  const body = JSON.stringify({ id: "e1", type: "message.created" });
  const now = 1_800_000_000;

  it("verifies a signature over the timestamp and the exact body", () => {
    expect(verifyWebhook("s3cret", body, signWebhook("s3cret", body, now), now + 10)).toBe(true);
  });

  it("refuses another secret, a changed body, a forged header and an old timestamp", () => {
    const header = signWebhook("s3cret", body, now);
    expect(verifyWebhook("other", body, header, now)).toBe(false);
    expect(verifyWebhook("s3cret", `${body} `, header, now)).toBe(false);
    expect(verifyWebhook("s3cret", body, header.replace(/v1=../, "v1=00"), now)).toBe(false);
    expect(verifyWebhook("s3cret", body, "garbage", now)).toBe(false);
    expect(verifyWebhook("s3cret", body, header, now + 301)).toBe(false);
  });
});
