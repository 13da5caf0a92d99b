import { describe, expect, it } from "vitest";
import { expandChatShorthand } from "./chat-shorthand";

describe("expandChatShorthand", () => {
  it("writes out the shorthand people type in chat", () => {
    expect(expandChatShorthand("can u check ur order pls")).toBe("can you check your order please");
    expect(expandChatShorthand("ya have a number i can call?")).toBe("you have a number i can call?");
    expect(expandChatShorthand("idk how to reset my pwd")).toBe("I don't know how to reset my password");
  });

  it("leaves a message written in full unchanged", () => {
    const text = "Can you check your order status, please?";
    expect(expandChatShorthand(text)).toBe(text);
  });

  it("reads a lone capital U as you but keeps other capitalised forms as names", () => {
    expect(expandChatShorthand("Can U help")).toBe("Can you help");
    expect(expandChatShorthand("tours of Ur in Iraq")).toBe("tours of Ur in Iraq");
  });

  it("leaves the letters of dotted, hyphenated and contracted words alone", () => {
    expect(expandChatShorthand("do you ship to the U.S.?")).toBe("do you ship to the U.S.?");
    expect(expandChatShorthand("a u-turn")).toBe("a u-turn");
    expect(expandChatShorthand("you're")).toBe("you're");
  });
});
