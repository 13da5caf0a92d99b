import { describe, expect, it } from "vitest";
import { ReviewDecision, validationError } from "./index";

describe("review decisions", () => {
  it("a rejection without a reason is refused with a readable message", () => {
    const parsed = ReviewDecision.safeParse({ type: "reject", reason: "  " });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = validationError(parsed.error);
    expect(error.code).toBe("bad_request");
    expect(error.issues?.[0]).toMatchObject({ path: "reason", message: "say why the draft is rejected" });
  });

  it("an edit carries the agent's text, trimmed", () => {
    expect(ReviewDecision.parse({ type: "edit", text: "  Hello  " })).toEqual({
      type: "edit",
      text: "Hello",
    });
  });
});
