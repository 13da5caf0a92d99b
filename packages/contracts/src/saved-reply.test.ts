import { describe, expect, it } from "vitest";
import { SavedReplyCreate, SavedReplyUpdate, fillSavedReply } from "./saved-reply";

describe("saved replies", () => {
  it("fills the customer's name, first name and the agent's name", () => {
    const text = "Hi {{customer.first_name}}! {{ agent.name }} here for {{customer.name}}. {{unknown}}";
    expect(fillSavedReply(text, { customerName: "Ada Lovelace", agentName: "Alex Agent" })).toBe(
      "Hi Ada! Alex Agent here for Ada Lovelace. {{unknown}}",
    );
    expect(fillSavedReply("Hi {{customer.first_name}},", { customerName: null, agentName: "A" })).toBe(
      "Hi there,",
    );
  });

  it("takes a shortcut in any case without its slash, and refuses spaces, empty text and unknown fields", () => {
    const ok = SavedReplyCreate.parse({
      shortcut: " Refund-Policy ",
      title: "Refunds",
      text: "x",
      scope: "team",
    });
    expect(ok.shortcut).toBe("refund-policy");
    for (const bad of [
      { shortcut: "two words", title: "t", text: "x", scope: "team" },
      { shortcut: "/refund", title: "t", text: "x", scope: "team" },
      { shortcut: "ok", title: "t", text: "  ", scope: "team" },
      { shortcut: "ok", title: "t", text: "x", scope: "everyone" },
      { shortcut: "ok", title: "t", text: "x", scope: "team", ownerId: "someone" },
    ]) {
      expect(SavedReplyCreate.safeParse(bad).success).toBe(false);
    }
    expect(SavedReplyUpdate.safeParse({}).success).toBe(false);
  });
});
