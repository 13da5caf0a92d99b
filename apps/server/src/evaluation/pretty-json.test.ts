import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { FITTED_CONFIDENCE } from "@handoff/core";
import { prettyJson } from "./pretty-json";

const prettier = (text: string) => format(text, { parser: "json", printWidth: 110 });

describe("prettyJson", () => {
  it("prints the fitted confidence exactly as Prettier would, so the checked-in file passes lint", async () => {
    const text = prettyJson(FITTED_CONFIDENCE);
    expect(text).toBe(await prettier(text));
    expect(JSON.parse(text)).toEqual(FITTED_CONFIDENCE);
  });

  it("breaks an array of plain values that does not fit the width, fills lines with numbers, and keeps nested objects expanded", async () => {
    const value = {
      long: Array.from({ length: 30 }, (_, i) => `feature-${i}`),
      short: [1, 2.5, null, true],
      weights: Array.from(
        { length: 40 },
        (_, i) => Math.round(Math.sin(i + 1) * 1e6) / (i % 3 === 0 ? 1e6 : 1e3),
      ),
      nested: [{ a: { b: [] } }, {}],
      text: 'quote " and \\ backslash',
    };
    const text = prettyJson(value);
    expect(text).toBe(await prettier(text));
    expect(text).toContain('"short": [1, 2.5, null, true]');
    expect(JSON.parse(text)).toEqual(value);
  });
});
