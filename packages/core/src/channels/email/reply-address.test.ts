import { describe, expect, it } from "vitest";
import { conversationFromAddresses, replyAddress } from "./reply-address";

const ID = "3f2b8c1e-9a4d-4e5f-8a7b-0c1d2e3f4a5b";

describe("reply addresses", () => {
  it("leads back to the conversation, whatever the case a mail server gave it", () => {
    const address = replyAddress("s3cret-s3cret", "mail.example.com", ID);
    expect(address).toMatch(/^reply\+[0-9a-f]{52}@mail\.example\.com$/);
    expect(address?.split("@")[0]?.length).toBeLessThanOrEqual(64);
    const found = conversationFromAddresses("s3cret-s3cret", "mail.example.com", [
      "support@example.com",
      address?.toUpperCase() ?? "",
    ]);
    expect(found).toEqual({ kind: "found", conversationId: ID });
  });

  it("refuses an address signed with another secret or pointing at another conversation", () => {
    const other = replyAddress("another-secret", "mail.example.com", ID) ?? "";
    expect(conversationFromAddresses("s3cret-s3cret", "mail.example.com", [other])).toEqual({
      kind: "forged",
    });
    const real = replyAddress("s3cret-s3cret", "mail.example.com", ID) ?? "";
    const swapped = real.replace("3f2b8c1e", "3f2b8c1f");
    expect(conversationFromAddresses("s3cret-s3cret", "mail.example.com", [swapped])).toEqual({
      kind: "forged",
    });
  });

  it("ignores addresses on other domains and ids that are not UUIDs", () => {
    const real = replyAddress("s3cret-s3cret", "mail.example.com", ID) ?? "";
    expect(conversationFromAddresses("s3cret-s3cret", "other.example.com", [real])).toEqual({ kind: "none" });
    expect(replyAddress("s3cret-s3cret", "mail.example.com", "conv-1")).toBeNull();
  });
});
