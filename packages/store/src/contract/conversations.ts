import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { appendMany, customerMessage, newConversation, tick } from "./fixtures";

/** ConversationRepo: creation, compare-and-set transitions and the inbox listing. */
export function describeConversations(ctx: StoreContext): void {
  describe("conversations", () => {
    it("starts a new conversation with the bot, no messages and nobody assigned", async () => {
      const created = await ctx.store.conversations.create({
        id: "conv-new",
        customer: { email: "a@example.com" },
      });
      expect(created).toMatchObject({
        id: "conv-new",
        status: "bot",
        customer: { email: "a@example.com" },
        assigneeId: null,
        assigneeName: null,
        category: null,
        lastSeq: 0,
        lastMessagePreview: null,
        language: null,
      });
      expect(created.updatedAt).toBe(created.createdAt);
      expect(await ctx.store.conversations.get("conv-new")).toEqual(created);
    });

    it("returns null for a conversation that does not exist", async () => {
      expect(await ctx.store.conversations.get("conv-missing")).toBeNull();
    });

    it("applies a transition from an expected status together with its patch", async () => {
      const conv = await newConversation(ctx.store);
      await tick();
      const moved = await ctx.store.conversations.transition(conv.id, ["bot", "waiting_human"], {
        status: "human",
        assigneeId: "agent-1",
        assigneeName: "Grace",
        category: "billing",
      });
      expect(moved).toMatchObject({
        status: "human",
        assigneeId: "agent-1",
        assigneeName: "Grace",
        category: "billing",
      });
      expect(Date.parse(moved?.updatedAt ?? "")).toBeGreaterThan(Date.parse(conv.updatedAt));
      expect(await ctx.store.conversations.get(conv.id)).toEqual(moved);
    });

    it("keeps fields a transition leaves out and clears fields it sets to null", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.conversations.transition(conv.id, ["bot"], {
        status: "human",
        assigneeId: "agent-1",
        assigneeName: "Grace",
        category: "billing",
      });
      const back = await ctx.store.conversations.transition(conv.id, ["human"], {
        status: "bot",
        assigneeId: null,
        assigneeName: null,
      });
      expect(back).toMatchObject({
        status: "bot",
        assigneeId: null,
        assigneeName: null,
        category: "billing",
      });
    });

    it("refuses a transition from the wrong status and changes nothing", async () => {
      const conv = await newConversation(ctx.store);
      const refused = await ctx.store.conversations.transition(conv.id, ["human"], {
        status: "resolved",
        category: "spam",
      });
      expect(refused).toBeNull();
      expect(await ctx.store.conversations.get(conv.id)).toEqual(conv);
    });

    it("refuses a transition of a conversation that does not exist", async () => {
      expect(
        await ctx.store.conversations.transition("conv-missing", ["bot"], { status: "human" }),
      ).toBeNull();
    });

    it("lets exactly one of two simultaneous takeovers win", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.conversations.transition(conv.id, ["bot"], { status: "waiting_human" });
      const results = await Promise.all(
        ["agent-1", "agent-2"].map((agent) =>
          ctx.store.conversations.transition(conv.id, ["waiting_human"], {
            status: "human",
            assigneeId: agent,
          }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await ctx.store.conversations.get(conv.id))?.assigneeId).toBe(winners[0]?.assigneeId);
    });

    it("replaces the customer profile, and returns null for an unknown conversation", async () => {
      const conv = await newConversation(ctx.store);
      const updated = await ctx.store.conversations.updateCustomer(conv.id, {
        name: "Ada Lovelace",
        externalId: "cus_42",
      });
      expect(updated?.customer).toEqual({ name: "Ada Lovelace", externalId: "cus_42" });
      expect((await ctx.store.conversations.get(conv.id))?.customer).toEqual(updated?.customer);
      expect(await ctx.store.conversations.updateCustomer("conv-missing", {})).toBeNull();
    });

    it("records the customer's language without touching the conversation's activity time", async () => {
      const conv = await newConversation(ctx.store);
      await tick();
      expect(await ctx.store.conversations.setLanguage(conv.id, "fr")).toBe(true);
      const read = await ctx.store.conversations.get(conv.id);
      expect(read).toMatchObject({ language: "fr", updatedAt: conv.updatedAt });
      await ctx.store.conversations.setLanguage(conv.id, "de");
      const [listed] = await ctx.store.conversations.list({ limit: 1 });
      expect(listed?.language).toBe("de");
      expect(await ctx.store.conversations.setLanguage("conv-missing", "fr")).toBe(false);
      await expect(ctx.store.conversations.setLanguage(conv.id, "French")).rejects.toThrow();
      expect((await ctx.store.conversations.get(conv.id))?.language).toBe("de");
    });

    it("lists the most recently updated conversation first", async () => {
      const first = await newConversation(ctx.store);
      await tick();
      const second = await newConversation(ctx.store);
      await tick();
      await ctx.store.messages.append(customerMessage(first.id));
      const listed = await ctx.store.conversations.list({ limit: 10 });
      expect(listed.map((c) => c.id)).toEqual([first.id, second.id]);
      expect(listed[0]?.lastSeq).toBe(1);
    });

    it("lists only the requested statuses, at most `limit`", async () => {
      const waiting = [await newConversation(ctx.store), await newConversation(ctx.store)];
      await newConversation(ctx.store);
      for (const conv of waiting) {
        await ctx.store.conversations.transition(conv.id, ["bot"], { status: "waiting_human" });
      }
      const listed = await ctx.store.conversations.list({ statuses: ["waiting_human", "human"], limit: 10 });
      expect(listed.map((c) => c.id).sort()).toEqual(waiting.map((c) => c.id).sort());
      expect(await ctx.store.conversations.list({ limit: 2 })).toHaveLength(2);
      expect(await ctx.store.conversations.list({ statuses: ["resolved"], limit: 10 })).toEqual([]);
      expect(await ctx.store.conversations.list({ statuses: [], limit: 10 })).toEqual([]);
    });

    it("keeps a conversation's preview in step with its messages", async () => {
      const conv = await newConversation(ctx.store);
      await appendMany(ctx.store, conv.id, 2);
      expect(await ctx.store.conversations.get(conv.id)).toMatchObject({
        lastSeq: 2,
        lastMessagePreview: "message 2",
      });
    });
  });
}
