import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Conversation, CustomerProfile } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { customerMessage, isoFromNow, tick } from "./fixtures";

/** ConversationSearchRepo: the console's search by id prefix, customer, message words and filters. */
export function describeConversationSearch(ctx: StoreContext): void {
  describe("conversation search", () => {
    const start = async (customer: CustomerProfile, text?: string): Promise<Conversation> => {
      const conversation = await ctx.store.conversations.create({ id: randomUUID(), customer });
      if (text) await ctx.store.messages.append(customerMessage(conversation.id, { text }));
      await tick();
      return (await ctx.store.conversations.get(conversation.id)) ?? conversation;
    };
    const ids = (conversations: Conversation[]) => conversations.map((c) => c.id);

    it("finds a conversation by the first characters of its id, and nothing for another prefix", async () => {
      const ada = await start({ name: "Ada" });
      await start({ name: "Bob" });
      const found = await ctx.store.search.search({ idPrefix: ada.id.slice(0, 8), limit: 10 });
      expect(ids(found)).toEqual([ada.id]);
      expect(
        await ctx.store.search.search({ idPrefix: ada.id.slice(0, 8).toUpperCase(), limit: 10 }),
      ).toEqual(found);
      const other = ada.id.startsWith("0") ? "f" : "0";
      expect(await ctx.store.search.search({ idPrefix: `${other}zz`, limit: 10 })).toEqual([]);
    });

    it("finds customers by the start of their email or name in any case, newest activity first", async () => {
      const ada = await start({ name: "Ada Lovelace", email: "Ada@Example.com" });
      const again = await start({ name: "Ada Lovelace", email: "ada@example.com" });
      await start({ name: "Grace Hopper", email: "grace@example.com" });
      expect(ids(await ctx.store.search.search({ emailPrefix: "ADA@ex", limit: 10 }))).toEqual([
        again.id,
        ada.id,
      ]);
      expect(ids(await ctx.store.search.search({ namePrefix: "ada l", limit: 10 }))).toEqual([
        again.id,
        ada.id,
      ]);
      expect(ids(await ctx.store.search.search({ namePrefix: "grace", limit: 1 }))).toHaveLength(1);
      expect(await ctx.store.search.search({ namePrefix: "lovelace", limit: 10 })).toEqual([]);
      // Characters that mean something to LIKE or a regular expression are taken literally.
      expect(await ctx.store.search.search({ emailPrefix: "a.a", limit: 10 })).toEqual([]);
      expect(await ctx.store.search.search({ namePrefix: "%", limit: 10 })).toEqual([]);
    });

    it("finds a conversation by words of one of its messages, all of them, in any case", async () => {
      const grinder = await start({ name: "Gina" }, "My GRINDER arrived broken, 50% off?");
      await start({ name: "Bea" }, "Where is my grinder?");
      expect(ids(await ctx.store.search.search({ text: "grinder broken", limit: 10 }))).toEqual([grinder.id]);
      expect(ids(await ctx.store.search.search({ text: "50%", limit: 10 }))).toEqual([grinder.id]);
      expect(await ctx.store.search.search({ text: "5_%", limit: 10 })).toEqual([]);
    });

    it("narrows by status, assigned agent and start date, each with the others", async () => {
      const taken = await start({ name: "Tia" });
      await ctx.store.conversations.transition(taken.id, ["bot"], { status: "waiting_human" });
      await ctx.store.conversations.transition(taken.id, ["waiting_human"], {
        status: "human",
        assigneeId: "agent-7",
        assigneeName: "Seven",
      });
      // The takeover is activity too: without a tick Tom's start could share its millisecond.
      await tick();
      const open = await start({ name: "Tom" });
      expect(ids(await ctx.store.search.search({ status: "human", limit: 10 }))).toEqual([taken.id]);
      expect(ids(await ctx.store.search.search({ assigneeId: "agent-7", limit: 10 }))).toEqual([taken.id]);
      expect(ids(await ctx.store.search.search({ status: "bot", namePrefix: "t", limit: 10 }))).toEqual([
        open.id,
      ]);
      expect(await ctx.store.search.search({ from: isoFromNow(60_000), limit: 10 })).toEqual([]);
      expect(
        ids(
          await ctx.store.search.search({
            namePrefix: "t",
            from: isoFromNow(-60_000),
            to: isoFromNow(60_000),
            limit: 10,
          }),
        ),
      ).toEqual([open.id, taken.id]);
    });
  });
}
