import { describe, expect, it } from "vitest";
import { pickAgent, type Candidate } from "./pick-agent";

const agent = (id: string, load: number, capacity = 3): Candidate => ({ id, name: id, load, capacity });
const TEAM = ["ana", "ben", "cy"];

describe("who gets the next offer", () => {
  it("is the least-loaded candidate", () => {
    expect(pickAgent([agent("ana", 2), agent("ben", 0), agent("cy", 1)], TEAM, null)?.id).toBe("ben");
  });

  it("goes round the team among equally loaded candidates, wrapping around", () => {
    const team = [agent("ana", 0), agent("ben", 0), agent("cy", 0)];
    expect(pickAgent(team, TEAM, null)?.id).toBe("ana");
    expect(pickAgent(team, TEAM, "ana")?.id).toBe("ben");
    expect(pickAgent(team, TEAM, "ben")?.id).toBe("cy");
    expect(pickAgent(team, TEAM, "cy")?.id).toBe("ana");
  });

  it("passes the turn on from the last one's place when they are no longer a candidate", () => {
    // Ben got the last offer and is away now: Cy is next after him, not Ana.
    expect(pickAgent([agent("ana", 0), agent("cy", 0)], TEAM, "ben")?.id).toBe("cy");
    // Someone who left the team: the turn starts again at the top.
    expect(pickAgent([agent("ana", 0), agent("cy", 0)], TEAM, "gone")?.id).toBe("ana");
  });

  it("skips anyone at their capacity, and finds nobody when everyone is full", () => {
    expect(pickAgent([agent("ana", 0, 1), agent("ben", 1, 3)], TEAM, null)?.id).toBe("ana");
    expect(pickAgent([agent("ana", 1, 1), agent("ben", 2, 3)], TEAM, "ana")?.id).toBe("ben");
    expect(pickAgent([agent("ana", 1, 1), agent("ben", 3, 3)], TEAM, null)).toBeNull();
    expect(pickAgent([], TEAM, null)).toBeNull();
  });
});
