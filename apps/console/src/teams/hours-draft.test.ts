import { describe, expect, it } from "vitest";
import { defaultHours, hoursProblems, hoursSummary } from "./hours-draft";

describe("business hours in the teams screen", () => {
  it("summarises runs of days with the same times, and other days apart", () => {
    const hours = defaultHours("Europe/Paris");
    hours.weekly.push({ day: "sat", open: "10:00", close: "14:00" });
    expect(hoursSummary(hours)).toBe("Mon–Fri 09:00–17:00; Sat 10:00–14:00 (Europe/Paris)");
  });

  it("keeps days apart when a day in between differs or is closed", () => {
    const hours = {
      timeZone: "UTC",
      weekly: [
        { day: "mon" as const, open: "09:00", close: "17:00" },
        { day: "wed" as const, open: "09:00", close: "17:00" },
        { day: "thu" as const, open: "09:00", close: "12:00" },
        { day: "thu" as const, open: "13:00", close: "17:00" },
      ],
      holidays: [],
    };
    expect(hoursSummary(hours)).toBe("Mon 09:00–17:00; Wed 09:00–17:00; Thu 09:00–12:00, 13:00–17:00 (UTC)");
  });

  it("says when a team is always open or never", () => {
    expect(hoursSummary(null)).toBe("Always open");
    expect(hoursSummary({ timeZone: "UTC", weekly: [], holidays: [] })).toBe("No opening hours");
  });

  it("names the row of a span that closes before it opens, and an unknown time zone", () => {
    const hours = defaultHours("UTC");
    hours.weekly[1] = { day: "tue", open: "18:00", close: "09:00" };
    expect(hoursProblems(hours)).toEqual([
      "Opening hours, row 2: the closing time must come after the opening time",
    ]);
    expect(hoursProblems({ ...defaultHours("UTC"), timeZone: "Mars/Olympus" })).toEqual([
      "not a time zone like Europe/Paris or America/New_York",
    ]);
    expect(hoursProblems(defaultHours("UTC"))).toEqual([]);
  });
});
