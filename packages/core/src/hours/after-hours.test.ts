import { describe, expect, it } from "vitest";
import { closedNotice } from "./after-hours";

describe("the notice a customer gets out of hours", () => {
  it("says the weekday and time the team is back, in the team's time zone", () => {
    const text = closedNotice(
      { open: false, opensAt: "2026-03-30T07:00:00Z", closesAt: null, timeZone: "Europe/Paris" },
      new Date("2026-03-27T17:00:00Z"),
    );
    expect(text).toBe(
      "Our team is away right now and back on Monday at 09:00 (Europe/Paris). Leave your email and we'll write back, or keep this window open.",
    );
  });

  it("gives the date when the team is back more than a few days later", () => {
    const text = closedNotice(
      { open: false, opensAt: "2026-12-28T14:00:00Z", closesAt: null, timeZone: "America/New_York" },
      new Date("2026-12-18T17:00:00Z"),
    );
    expect(text).toContain("back on Monday 28 December at 09:00 (America/New_York)");
  });

  it("does not promise a time when the team has none", () => {
    expect(closedNotice({ open: false, opensAt: null, closesAt: null, timeZone: "UTC" }, new Date())).toBe(
      "Our team is away right now. Leave your email and we'll write back, or keep this window open.",
    );
  });
});
