import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rowMemo } from "./row-memo";

const Row = z
  .object({ id: z.string(), n: z.number() })
  .transform((row) => ({ id: row.id, double: row.n * 2 }));

function counting() {
  let parses = 0;
  const parser = rowMemo({
    parse(row: unknown) {
      parses++;
      return Row.parse(row);
    },
  });
  return { parser, parses: () => parses };
}

describe("rowMemo", () => {
  it("parses a row read again unchanged once, and gives the same value", () => {
    const { parser, parses } = counting();
    const first = parser.parse({ id: "a", n: 1 });
    expect(parser.parse({ id: "a", n: 1 })).toBe(first);
    expect(parses()).toBe(1);
  });

  it("parses a row anew when any column changed (another connection wrote it)", () => {
    const { parser, parses } = counting();
    parser.parse({ id: "a", n: 1 });
    expect(parser.parse({ id: "a", n: 2 })).toEqual({ id: "a", double: 4 });
    expect(parser.parse({ id: "a", n: 2, extra: null })).toEqual({ id: "a", double: 4 });
    expect(parses()).toBe(3);
  });

  it("refuses an invalid row every time, and remembers nothing for it", () => {
    const { parser } = counting();
    expect(() => parser.parse({ id: "a", n: "x" })).toThrow();
    expect(() => parser.parse({ id: "a", n: "x" })).toThrow();
  });

  it("hands out frozen values, so a caller cannot change what later reads get", () => {
    const { parser } = counting();
    const value = parser.parse({ id: "a", n: 1 });
    expect(Object.isFrozen(value)).toBe(true);
  });

  it("forgets the least recently read row past its capacity", () => {
    let parses = 0;
    const parser = rowMemo(
      {
        parse(row: unknown) {
          parses++;
          return Row.parse(row);
        },
      },
      2,
    );
    parser.parse({ id: "a", n: 1 });
    parser.parse({ id: "b", n: 1 });
    parser.parse({ id: "a", n: 1 });
    parser.parse({ id: "c", n: 1 });
    parser.parse({ id: "a", n: 1 });
    expect(parses).toBe(3);
    parser.parse({ id: "b", n: 1 });
    expect(parses).toBe(4);
  });
});
