import { describe, expect, it } from "vitest";
import { newEmailText } from "./new-email-text";

describe("the new text of an emailed reply", () => {
  it("drops the quoted thread and what the mail client wrote above it", () => {
    const text =
      "Yes, order 1234.\r\nThanks\r\n\r\nOn Mon, 1 Dec 2026 at 10:00, Support <reply+x@example.com> wrote:\r\n> Which order?\r\n";
    expect(newEmailText(text)).toBe("Yes, order 1234.\nThanks");
  });

  it("drops a signature and keeps a message without quotes whole", () => {
    expect(newEmailText("Hello\n\nsecond paragraph\n-- \nJane, ACME")).toBe("Hello\n\nsecond paragraph");
    expect(newEmailText("Only this")).toBe("Only this");
  });

  it("leaves nothing of a reply that only quotes", () => {
    expect(newEmailText("> quoted\n> more")).toBe("");
  });
});
