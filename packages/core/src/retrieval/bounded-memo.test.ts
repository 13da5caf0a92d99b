import { describe, expect, it } from "vitest";
import { boundedMemo } from "./bounded-memo";

describe("boundedMemo", () => {
  it("computes a key once, null results included, until it has kept its limit and starts again", () => {
    const computed: string[] = [];
    const lengthOrNull = boundedMemo(2, (key: string) => {
      computed.push(key);
      return key === "" ? null : key.length;
    });
    expect([lengthOrNull("ab"), lengthOrNull("ab"), lengthOrNull(""), lengthOrNull("")]).toEqual([
      2,
      2,
      null,
      null,
    ]);
    expect(computed).toEqual(["ab", ""]);
    lengthOrNull("xyz"); // the third key: the memo starts again
    lengthOrNull("ab");
    expect(computed).toEqual(["ab", "", "xyz", "ab"]);
  });
});
