import { describe, expect, it } from "vitest";
import type { Team } from "@handoff/contracts";
import { teamForCategory } from "./team-for-category";

const team = (id: string, categories: string[], createdAt = "2026-01-01T00:00:00Z"): Team => ({
  id,
  name: id,
  categories,
  members: [],
  hours: null,
  offerSeconds: 30,
  createdAt,
  updatedAt: createdAt,
});

describe("which team handles a category", () => {
  const billing = team("billing", ["billing", "refunds"]);
  const general = team("general", [], "2026-01-02T00:00:00Z");
  const older = team("older-general", [], "2026-01-01T00:00:00Z");

  it("is the team that lists the category", () => {
    expect(teamForCategory([general, billing], "refunds")).toBe(billing);
  });

  it("is the oldest catch-all team for a category nobody lists, or for no category", () => {
    expect(teamForCategory([billing, general, older], "shipping")).toBe(older);
    expect(teamForCategory([billing, general], null)).toBe(general);
  });

  it("is nobody when no team lists it and there is no catch-all team", () => {
    expect(teamForCategory([billing], "shipping")).toBeNull();
    expect(teamForCategory([], "billing")).toBeNull();
  });
});
