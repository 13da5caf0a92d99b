import { describe, expect, it } from "vitest";
import { DEFAULT_ACCENT, contrast, parseHex, readableAccent } from "./color";

describe("accent colours", () => {
  it("reads #rgb and #rrggbb and refuses anything else", () => {
    expect(parseHex("#fff")).toEqual([255, 255, 255]);
    expect(parseHex("8a3b12")).toEqual([138, 59, 18]);
    expect(parseHex("red")).toBeNull();
    expect(parseHex("url(javascript:x)")).toBeNull();
  });

  it("darkens a pale accent until white text on it reaches 4.5:1", () => {
    const { accent } = readableAccent("#ffd54f");
    const rgb = parseHex(accent);
    expect(rgb && contrast(rgb, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps a dark accent as it is and falls back to the default for invalid input", () => {
    expect(readableAccent("#8a3b12").accent).toBe("#8a3b12");
    expect(readableAccent("not a colour").accent).toBe(DEFAULT_ACCENT);
  });
});
