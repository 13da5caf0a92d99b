import { uuid6 } from "@langchain/langgraph-checkpoint";
import { describe, expect, it } from "vitest";
import { checkpointIdAtOrAfter } from "./checkpoint-id";

describe("the checkpoint id bound of an instant", () => {
  it("sorts before every checkpoint id made after the instant and after every one made before it", async () => {
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const made = uuid6(-1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = new Date();
    expect(checkpointIdAtOrAfter(before) <= made).toBe(true);
    expect(checkpointIdAtOrAfter(after) > made).toBe(true);
    expect(checkpointIdAtOrAfter(new Date(0))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-6[0-9a-f]{3}-0000-0{12}$/);
  });
});
