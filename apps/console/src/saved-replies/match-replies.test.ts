import { describe, expect, it } from "vitest";
import type { SavedReply } from "@handoff/contracts";
import { matchReplies, slashQueryAt } from "./match-replies";

const reply = (shortcut: string, title: string, scope: SavedReply["scope"] = "team"): SavedReply => ({
  id: `${scope}-${shortcut}`,
  shortcut,
  title,
  text: "",
  scope,
  ownerId: scope === "personal" ? "me" : null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

describe("finding a saved reply from what is typed", () => {
  it("sees a /word at the start or after a space, up to the caret, and nothing inside a word or URL", () => {
    expect(slashQueryAt("/ref", 4)).toEqual({ start: 0, query: "ref" });
    expect(slashQueryAt("Hi! /Ref", 8)).toEqual({ start: 4, query: "ref" });
    expect(slashQueryAt("Hi\n/", 4)).toEqual({ start: 3, query: "" });
    expect(slashQueryAt("and/or", 6)).toBeNull();
    expect(slashQueryAt("see https://x.example/ref", 25)).toBeNull();
    expect(slashQueryAt("/ref and more", 13)).toBeNull();
  });

  it("lists shortcut matches before title matches, an agent's own before the team's", () => {
    const replies = [
      reply("refund", "Refund policy"),
      reply("shipping", "Refund of shipping fees"),
      reply("refund", "My refund words", "personal"),
      reply("hello", "Greeting"),
    ];
    expect(matchReplies(replies, "ref").map((r) => r.id)).toEqual([
      "personal-refund",
      "team-refund",
      "team-shipping",
    ]);
    expect(matchReplies(replies, "").length).toBe(4);
  });
});
