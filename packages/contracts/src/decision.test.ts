import { describe, expect, it } from "vitest";
import { decisionEffect } from "./decision";
import type { Draft } from "./routing";

const draft: Draft = { id: "d1", text: "The bot's draft.", sources: [] };

const sender = (effect: ReturnType<typeof decisionEffect>) =>
  effect.kind === "reply" ? (effect.reply.byAgent ? "agent" : "bot") : effect.kind;

describe("who a decision's reply is sent as", () => {
  it("sends an edited draft and a rejection's replacement alike, under the agent's name", () => {
    expect(sender(decisionEffect({ type: "edit", text: "Mine." }, [draft]))).toBe("agent");
    expect(sender(decisionEffect({ type: "reject", reason: "wrong", replacement: "Mine." }, [draft]))).toBe(
      "agent",
    );
  });

  it("sends a draft the bot wrote, approved or chosen, under the bot's name", () => {
    expect(sender(decisionEffect({ type: "approve" }, [draft]))).toBe("bot");
    expect(sender(decisionEffect({ type: "choose", draftId: "d1" }, [draft]))).toBe("bot");
  });
});
