import { describe, expect, it } from "vitest";
import { readQuery } from "./conversation-search-service";

describe("reading what is typed in the search box", () => {
  it("takes a # and hex characters, or eight of them, as the start of a conversation id", () => {
    expect(readQuery("#3F2A")).toEqual({ kind: "id", value: "3f2a" });
    expect(readQuery(" 3f2a9c1d ")).toEqual({ kind: "id", value: "3f2a9c1d" });
    expect(readQuery("3f2a9c1d-5b6e")).toEqual({ kind: "id", value: "3f2a9c1d-5b6e" });
  });

  it("takes an @ as an email and anything else as words; a short hex word stays a word", () => {
    expect(readQuery("Ada@Example")).toEqual({ kind: "email", value: "ada@example" });
    expect(readQuery("cafe")).toEqual({ kind: "words", value: "cafe" });
    expect(readQuery("broken grinder")).toEqual({ kind: "words", value: "broken grinder" });
    expect(readQuery("  ")).toBeNull();
    expect(readQuery(undefined)).toBeNull();
  });
});
