import { describe, expect, it } from "vitest";
import { msg } from "../../testing/message-fixture";
import { lastSeq, mergeMessages, settleOutbox } from "./transcript";

describe("the transcript", () => {
  it("keeps one entry per message id and sequence number, in sequence order", () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3), msg(1), { ...msg(2), id: "other" }]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("never shows internal notes", () => {
    expect(mergeMessages([], [msg(1, { internal: true })])).toEqual([]);
  });

  it("resyncs from the highest sequence number held", () => {
    expect(lastSeq([])).toBe(0);
    expect(lastSeq([msg(4), msg(9), msg(2)])).toBe(9);
  });

  it("drops an unsent message once the server has stored it under the same clientId", () => {
    const outbox = [
      { clientId: "a", text: "hi", createdAt: "" },
      { clientId: "b", text: "there", createdAt: "" },
    ];
    const settled = settleOutbox(outbox, [msg(5, { author: "customer", clientId: "a" })]);
    expect(settled.map((i) => i.clientId)).toEqual(["b"]);
  });
});
