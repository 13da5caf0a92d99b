import { describe, expect, it } from "vitest";
import { readFrameMessage } from "./bridge-protocol";

describe("messages from the chat page to the site", () => {
  it("reads the known messages and ignores everything else", () => {
    expect(readFrameMessage({ channel: "handoff-desk", type: "ready" })).toEqual({
      channel: "handoff-desk",
      type: "ready",
    });
    expect(readFrameMessage({ channel: "handoff-desk", type: "unread", count: 3 })).toMatchObject({
      count: 3,
    });
    expect(readFrameMessage({ channel: "other", type: "ready" })).toBeNull();
    expect(readFrameMessage({ channel: "handoff-desk", type: "unread", count: "3" })).toBeNull();
    expect(readFrameMessage("ready")).toBeNull();
  });
});
