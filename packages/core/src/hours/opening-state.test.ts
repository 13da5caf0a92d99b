import { describe, expect, it } from "vitest";
import type { BusinessHours } from "@handoff/contracts";
import { openingState } from "./opening-state";

const weekdays = (open: string, close: string) =>
  (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open, close }));

const paris: BusinessHours = { timeZone: "Europe/Paris", weekly: weekdays("09:00", "17:00"), holidays: [] };

describe("business hours", () => {
  it("is open inside a span and says when it closes, in the team's time zone", () => {
    // Wednesday 2026-03-25, 10:00 in Paris (UTC+1).
    expect(openingState(paris, new Date("2026-03-25T09:00:00Z"))).toEqual({
      open: true,
      opensAt: null,
      closesAt: "2026-03-25T16:00:00Z",
      timeZone: "Europe/Paris",
    });
  });

  it("after Friday's closing, opens on Monday at 09:00 local time across a daylight-saving change", () => {
    // Friday 18:00 in Paris (UTC+1); clocks go forward on Sunday 29 March, so Monday 09:00 is 07:00 UTC.
    const state = openingState(paris, new Date("2026-03-27T17:00:00Z"));
    expect(state).toMatchObject({ open: false, opensAt: "2026-03-30T07:00:00Z", closesAt: null });
  });

  it("before opening on a weekday, opens the same morning", () => {
    expect(openingState(paris, new Date("2026-03-25T06:30:00Z")).opensAt).toBe("2026-03-25T08:00:00Z");
  });

  it("skips holidays, in the team's own calendar", () => {
    const withHoliday = { ...paris, holidays: [{ date: "2026-03-30", name: "Closed for inventory" }] };
    expect(openingState(withHoliday, new Date("2026-03-27T17:00:00Z")).opensAt).toBe("2026-03-31T07:00:00Z");
    // Monday 10:00 on the holiday itself: closed.
    expect(openingState(withHoliday, new Date("2026-03-30T08:00:00Z"))).toMatchObject({ open: false });
  });

  it("joins a span running to midnight with one starting at midnight", () => {
    const roundTheClock: BusinessHours = {
      timeZone: "America/New_York",
      weekly: [
        { day: "mon", open: "08:00", close: "24:00" },
        { day: "tue", open: "00:00", close: "12:00" },
      ],
      holidays: [],
    };
    // Monday 2026-03-23 20:00 in New York (UTC-4): open until Tuesday noon there.
    expect(openingState(roundTheClock, new Date("2026-03-24T00:00:00Z"))).toMatchObject({
      open: true,
      closesAt: "2026-03-24T16:00:00Z",
    });
  });

  it("merges overlapping spans of one day", () => {
    const split: BusinessHours = {
      timeZone: "UTC",
      weekly: [
        { day: "wed", open: "09:00", close: "12:00" },
        { day: "wed", open: "11:00", close: "14:00" },
        { day: "wed", open: "15:00", close: "16:00" },
      ],
      holidays: [],
    };
    expect(openingState(split, new Date("2026-03-25T10:00:00Z")).closesAt).toBe("2026-03-25T14:00:00Z");
    expect(openingState(split, new Date("2026-03-25T14:30:00Z")).opensAt).toBe("2026-03-25T15:00:00Z");
  });

  it("is always open without hours, and never opens with no spans", () => {
    expect(openingState(null, new Date())).toEqual({
      open: true,
      opensAt: null,
      closesAt: null,
      timeZone: null,
    });
    expect(openingState({ timeZone: "UTC", weekly: [], holidays: [] }, new Date())).toEqual({
      open: false,
      opensAt: null,
      closesAt: null,
      timeZone: "UTC",
    });
  });
});
