import { describe, expect, it } from "vitest";
import type { SavedReply } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { isoFromNow, uniqueId } from "./fixtures";

/** A team reply, with overrides. */
function reply(overrides: Partial<SavedReply> = {}): SavedReply {
  return {
    id: uniqueId("reply"),
    shortcut: "refund",
    title: "Refund policy",
    text: "Hi {{customer.first_name}}, refunds take 5 days.",
    scope: "team",
    ownerId: null,
    createdAt: isoFromNow(0),
    updatedAt: isoFromNow(0),
    ...overrides,
  };
}

/** SavedReplyRepo: the team's canned responses and each agent's own, one shortcut each per scope. */
export function describeSavedReplies(ctx: StoreContext): void {
  describe("saved replies", () => {
    it("reads a reply back and lists the team's and one agent's own, never another agent's", async () => {
      const team = await ctx.store.savedReplies.create(reply());
      const mine = await ctx.store.savedReplies.create(
        reply({ shortcut: "hello", scope: "personal", ownerId: "agent-1" }),
      );
      await ctx.store.savedReplies.create(
        reply({ shortcut: "theirs", scope: "personal", ownerId: "agent-2" }),
      );
      expect(team).not.toBeNull();
      expect(await ctx.store.savedReplies.get(team?.id ?? "")).toEqual(team);
      expect(await ctx.store.savedReplies.get("reply-missing")).toBeNull();
      expect(await ctx.store.savedReplies.listFor("agent-1")).toEqual([mine, team]);
    });

    it("refuses a shortcut taken in the same scope, but lets an agent's own shadow the team's", async () => {
      await ctx.store.savedReplies.create(reply());
      expect(await ctx.store.savedReplies.create(reply())).toBeNull();
      const own = reply({ scope: "personal", ownerId: "agent-1" });
      expect(await ctx.store.savedReplies.create(own)).toEqual(own);
      expect(
        await ctx.store.savedReplies.create(reply({ scope: "personal", ownerId: "agent-1" })),
      ).toBeNull();
      expect(
        await ctx.store.savedReplies.create(reply({ scope: "personal", ownerId: "agent-2" })),
      ).not.toBeNull();
    });

    it("changes only the fields given, refuses a taken shortcut, and deletes once", async () => {
      const first = await ctx.store.savedReplies.create(reply());
      const second = await ctx.store.savedReplies.create(reply({ shortcut: "shipping", title: "Shipping" }));
      if (!first || !second) throw new Error("not created");
      const later = isoFromNow(60_000);
      expect(await ctx.store.savedReplies.update(first.id, { text: "New text.", updatedAt: later })).toEqual({
        ...first,
        text: "New text.",
        updatedAt: later,
      });
      expect(await ctx.store.savedReplies.update(second.id, { shortcut: "refund", updatedAt: later })).toBe(
        "taken",
      );
      expect((await ctx.store.savedReplies.get(second.id))?.shortcut).toBe("shipping");
      expect(
        await ctx.store.savedReplies.update("reply-missing", { title: "x", updatedAt: later }),
      ).toBeNull();
      expect(await ctx.store.savedReplies.delete(first.id)).toBe(true);
      expect(await ctx.store.savedReplies.delete(first.id)).toBe(false);
      expect(await ctx.store.savedReplies.get(first.id)).toBeNull();
    });
  });
}
