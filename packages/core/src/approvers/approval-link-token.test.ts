import { describe, expect, it } from "vitest";
import { approvalLinkClaims, signApprovalLink, verifyApprovalLink } from "./approval-link-token";

describe("approval link tokens", () => {
  const now = 1_800_000_000;
  const claims = approvalLinkClaims({ reviewId: "r1", userId: "u1", action: "approve" }, now, 3600);

  it("gives back the claims of a link this secret signed, until it expires", () => {
    const token = signApprovalLink("s3cret", claims);
    expect(verifyApprovalLink("s3cret", token, now + 3599)).toEqual({ ok: true, claims });
    expect(verifyApprovalLink("s3cret", token, now + 3600)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses another secret, changed claims and garbage", () => {
    const token = signApprovalLink("s3cret", claims);
    const [, signature] = token.split(".");
    const changed = Buffer.from(JSON.stringify({ ...claims, action: "reject" })).toString("base64url");
    expect(verifyApprovalLink("other", token, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyApprovalLink("s3cret", `${changed}.${signature}`, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifyApprovalLink("s3cret", "garbage", now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyApprovalLink("s3cret", `${token}.x`, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("makes a different token for every link, even with the same claims otherwise", () => {
    const again = approvalLinkClaims({ reviewId: "r1", userId: "u1", action: "approve" }, now, 3600);
    expect(signApprovalLink("s3cret", again)).not.toBe(signApprovalLink("s3cret", claims));
  });
});
