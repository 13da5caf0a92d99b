import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConversationStatus } from "@handoff/contracts";
import {
  LifecycleEvent,
  handlingAfter,
  messagePlan,
  nextPauseStatus,
  nextStatus,
  pauseSources,
  sourcesOf,
  targetOf,
} from "./lifecycle";
import { lifecycleTables } from "./lifecycle-table";

const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");

describe("the conversation lifecycle", () => {
  it("is the one the README shows", () => {
    expect(readme).toContain(lifecycleTables());
  });

  it.each(LifecycleEvent.options)("event %s happens somewhere and always leads to one status", (event) => {
    expect(sourcesOf(event).length).toBeGreaterThan(0);
    const to = targetOf(event);
    for (const from of sourcesOf(event)) expect(nextStatus(from, event)).toBe(to);
  });

  it("leaves a person's conversation only by a hand back, a resolution or their leaving", () => {
    const out = LifecycleEvent.options.filter((e) => ![null, "human"].includes(nextStatus("human", e)));
    expect(out.sort()).toEqual(["handed_back", "resolved", "returned"]);
  });

  it("reaches every status from a new conversation", () => {
    const reached = new Set<ConversationStatus>(["bot"]);
    for (let round = 0; round < ConversationStatus.options.length; round++)
      for (const from of [...reached])
        for (const event of LifecycleEvent.options) {
          const to = nextStatus(from, event);
          if (to) reached.add(to);
        }
    expect([...reached].sort()).toEqual([...ConversationStatus.options].sort());
  });

  it("runs a customer message only while the bot has the conversation (or it was resolved)", () => {
    const runs = ConversationStatus.options.filter((s) => handlingAfter(messagePlan(s)) === "routed");
    expect(runs.sort()).toEqual(["bot", "resolved"]);
    expect(handlingAfter(messagePlan("awaiting_approval"))).toBe("held");
    expect(handlingAfter(messagePlan("human"))).toBe("person");
  });

  it("decides an approval while it is pending and a handoff once it was claimed", () => {
    expect(pauseSources("approval", "decide")).toEqual(["pending"]);
    expect(pauseSources("handoff", "decide")).toEqual(["claimed"]);
    expect(pauseSources("handoff", "claim")).toEqual(["pending"]);
    expect(nextPauseStatus("approval", "pending", "claim")).toBeNull();
    expect(nextPauseStatus("handoff", "decided", "decide")).toBeNull();
  });
});
