import { describe, expect, it } from "vitest";
import { idPrefix, shortId } from "./short-id";

describe("short ids", () => {
  it("shows an id as # and its first eight characters, and reads that back as a prefix", () => {
    const id = "3f2a9c1d-5b6e-4c2a-9f00-1234567890ab";
    expect(shortId(id)).toBe("#3f2a9c1d");
    expect(id.startsWith(idPrefix(shortId(id)))).toBe(true);
    expect(idPrefix("  #3F2A9C1D ")).toBe("3f2a9c1d");
  });
});
