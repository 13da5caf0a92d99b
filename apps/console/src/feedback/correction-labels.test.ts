import { describe, expect, it } from "vitest";
import { parseTags, reasonLabel } from "./correction-labels";

describe("correction labels", () => {
  it("names how a pending correction arose", () => {
    expect(reasonLabel({ reason: "edit", status: "pending" })).toBe("Agent edited the draft");
    expect(reasonLabel({ reason: "takeover", status: "pending" })).toBe("Agent answered in a takeover");
  });

  it("quotes an agent's own reason for rejecting the draft, and a supervisor's for rejecting the correction", () => {
    expect(reasonLabel({ reason: "wrong price", status: "pending" })).toBe(
      "Agent rejected the draft: wrong price",
    );
    expect(reasonLabel({ reason: "too specific", status: "rejected" })).toBe("Rejected: too specific");
  });

  it("says nothing when there is no reason", () => {
    expect(reasonLabel({ reason: null, status: "pending" })).toBeNull();
    expect(reasonLabel({ reason: "  ", status: "pending" })).toBeNull();
  });

  it("splits tags on commas, trimming blanks and repeats", () => {
    expect(parseTags(" refunds, shipping ,, refunds ")).toEqual(["refunds", "shipping"]);
    expect(parseTags("")).toEqual([]);
  });
});
