import { describe, expect, it } from "vitest";
import { axisFor, bands, niceStep, scale } from "../charts/chart-scale";
import { dailyAutomation, fillDays } from "./daily-series";
import { count } from "../components/count";
import { percent, scoreText, timeText } from "./format-metric";
import { customRange, dayInput, presetRange } from "./period";

describe("period ranges", () => {
  const now = new Date("2030-03-10T12:00:00.000Z");

  it("a preset period ends now and reaches back its length", () => {
    expect(presetRange("24h", now)).toEqual({ from: new Date("2030-03-09T12:00:00.000Z"), to: now });
    expect(presetRange("7d", now).from).toEqual(new Date("2030-03-03T12:00:00.000Z"));
    expect(presetRange("30d", now).from).toEqual(new Date("2030-02-08T12:00:00.000Z"));
  });

  it("a custom period runs from the first day's midnight to the end of the last day, local time", () => {
    const range = customRange("2030-01-01", "2030-01-07");
    expect(range?.from).toEqual(new Date(2030, 0, 1));
    expect(range?.to).toEqual(new Date(2030, 0, 7, 23, 59, 59, 999));
  });

  it("a custom period that runs backwards or names an impossible day is refused", () => {
    expect(customRange("2030-01-07", "2030-01-01")).toBeNull();
    expect(customRange("2030-02-31", "2030-03-01")).toBeNull();
    expect(customRange("", "2030-03-01")).toBeNull();
  });

  it("a single day is a valid custom period", () => {
    expect(customRange("2030-01-01", "2030-01-01")).not.toBeNull();
  });

  it("a date is written the way a date input reads it", () => {
    expect(dayInput(new Date(2030, 0, 5))).toBe("2030-01-05");
  });
});

describe("daily series", () => {
  const range = { from: new Date("2030-03-01T15:00:00.000Z"), to: new Date("2030-03-04T09:00:00.000Z") };

  it("fills every day of the range, zeros where there was no traffic", () => {
    const days = fillDays([{ date: "2030-03-02", messages: 4, auto: 3, approval: 1, handoff: 0 }], range);
    expect(days.map((d) => d.date)).toEqual(["2030-03-01", "2030-03-02", "2030-03-03", "2030-03-04"]);
    expect(days.map((d) => d.messages)).toEqual([0, 4, 0, 0]);
  });

  it("gives the automation rate per day and none for a quiet day", () => {
    const days = fillDays([{ date: "2030-03-02", messages: 4, auto: 3, approval: 1, handoff: 0 }], range);
    expect(dailyAutomation(days)).toEqual([null, 0.75, null, null]);
  });
});

describe("chart scales", () => {
  it("rounds steps up to 1, 2 or 5 times a power of ten", () => {
    expect([0.7, 1, 1.5, 3, 7, 12, 0.03].map(niceStep)).toEqual([1, 1, 2, 5, 10, 20, 0.05]);
  });

  it("an axis of counts uses whole steps and reaches the largest value", () => {
    expect(axisFor(3, { integer: true })).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(axisFor(60, { integer: true })).toEqual({ max: 60, ticks: [0, 20, 40, 60] });
    expect(axisFor(61, { integer: true }).max).toBe(80);
  });

  it("an empty chart still has an axis", () => {
    expect(axisFor(0, { integer: true })).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("fractional values get fractional steps", () => {
    expect(axisFor(0.8)).toEqual({ max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
  });

  it("maps values onto pixels, clamped to the axis", () => {
    expect(scale(5, 10, 200)).toBe(100);
    expect(scale(20, 10, 200)).toBe(200);
    expect(scale(-1, 10, 200)).toBe(0);
    expect(scale(3, 0, 200)).toBe(0);
  });

  it("spreads bars evenly with a gap between them", () => {
    expect(bands(4, 400)).toEqual({ step: 100, bar: 75 });
  });
});

describe("metric formatting", () => {
  it("shows rates as whole percentages and a dash when there is nothing to measure", () => {
    expect(percent(0.6)).toBe("60%");
    expect(percent(1 / 3)).toBe("33%");
    expect(percent(null)).toBe("—");
  });

  it("shows times compactly and scores with one decimal", () => {
    expect(timeText(30_000)).toBe("30s");
    expect(timeText(null)).toBe("—");
    expect(scoreText(4)).toBe("4.0");
  });

  it("counts in the singular for one", () => {
    expect(count(1, "rating")).toBe("1 rating");
    expect(count(0, "rating")).toBe("0 ratings");
  });
});
