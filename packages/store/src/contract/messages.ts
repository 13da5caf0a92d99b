import { describe, expect, it } from "vitest";
import { contextMessage } from "../shared/context-message";
import type { StoreContext } from "./context";
import { appendMany, customerMessage, newConversation, seqs, tick } from "./fixtures";

/** MessageRepo: per-conversation sequence numbers, retry dedupe and resync reads. */
export function describeMessages(ctx: StoreContext): void {
  describe("messages", () => {
    it("numbers messages 1..n per conversation with no gaps", async () => {
      const a = await newConversation(ctx.store);
      const b = await newConversation(ctx.store);
      for (let i = 0; i < 3; i++) {
        await ctx.store.messages.append(customerMessage(a.id));
        await ctx.store.messages.append(customerMessage(b.id));
      }
      expect(seqs(await ctx.store.messages.listSince(a.id, 0))).toEqual([1, 2, 3]);
      expect(seqs(await ctx.store.messages.listSince(b.id, 0))).toEqual([1, 2, 3]);
    });

    it("stores a retried send with the same clientId once and returns the original", async () => {
      const conv = await newConversation(ctx.store);
      const first = await ctx.store.messages.append(
        customerMessage(conv.id, { clientId: "c-1", text: "hello" }),
      );
      const retry = await ctx.store.messages.append(
        customerMessage(conv.id, { clientId: "c-1", text: "hello?" }),
      );
      expect(first.duplicate).toBe(false);
      expect(retry).toEqual({ message: first.message, duplicate: true });
      expect(await ctx.store.messages.listSince(conv.id, 0)).toEqual([first.message]);
      expect((await ctx.store.conversations.get(conv.id))?.lastSeq).toBe(1);
    });

    it("treats the same clientId in another conversation as a different message", async () => {
      const a = await newConversation(ctx.store);
      const b = await newConversation(ctx.store);
      await ctx.store.messages.append(customerMessage(a.id, { clientId: "c-1" }));
      const other = await ctx.store.messages.append(customerMessage(b.id, { clientId: "c-1" }));
      expect(other.duplicate).toBe(false);
      expect(other.message.conversationId).toBe(b.id);
    });

    it("never deduplicates messages without a clientId", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.messages.append(customerMessage(conv.id, { text: "same" }));
      const second = await ctx.store.messages.append(customerMessage(conv.id, { text: "same" }));
      expect(second).toMatchObject({ duplicate: false, message: { seq: 2 } });
    });

    it("gives 50 concurrent appends distinct consecutive sequence numbers", async () => {
      const conv = await newConversation(ctx.store);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ctx.store.messages.append(customerMessage(conv.id, { text: `m${i}` })),
        ),
      );
      const numbers = results.map((r) => r.message.seq).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.message.id)).size).toBe(50);
      expect((await ctx.store.conversations.get(conv.id))?.lastSeq).toBe(50);
    });

    it("stores one message when the same send is retried 20 times at once", async () => {
      const conv = await newConversation(ctx.store);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          ctx.store.messages.append(customerMessage(conv.id, { clientId: "burst" })),
        ),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
      expect(await ctx.store.messages.listSince(conv.id, 0)).toHaveLength(1);
    });

    it("returns the stored message with a server id, seq, timestamp and every field it was given", async () => {
      const conv = await newConversation(ctx.store);
      const sources = [
        { id: "returns", kind: "article", title: "Returns", score: 0.9, url: "/kb/returns" },
      ] as const;
      const { message } = await ctx.store.messages.append({
        conversationId: conv.id,
        clientId: "c-9",
        author: "bot",
        authorName: "Helper",
        text: "You can return items within 30 days.",
        sources: [...sources],
        internal: false,
      });
      expect(message).toMatchObject({
        conversationId: conv.id,
        seq: 1,
        clientId: "c-9",
        author: "bot",
        authorName: "Helper",
        text: "You can return items within 30 days.",
        sources: [...sources],
        internal: false,
      });
      expect(message.id).not.toBe("");
      expect(Number.isNaN(Date.parse(message.createdAt))).toBe(false);
      expect(await ctx.store.messages.listRecent(conv.id, 1)).toEqual([message]);
    });

    it("updates the conversation's lastSeq, preview (first 140 characters) and updatedAt", async () => {
      const conv = await newConversation(ctx.store);
      await tick();
      const long = `${"a".repeat(139)}😀 and more`;
      const appended = await ctx.store.messages.append(customerMessage(conv.id, { text: long }));
      const after = await ctx.store.conversations.get(conv.id);
      expect(after?.lastSeq).toBe(1);
      expect(after?.lastMessagePreview).toBe(`${"a".repeat(139)}😀`);
      expect(Date.parse(after?.updatedAt ?? "")).toBeGreaterThan(Date.parse(conv.updatedAt));
      // The append hands back the conversation as it left it, so nobody has to read it again.
      expect(appended).toMatchObject({ duplicate: false, conversation: after });
    });

    it("returns the conversation each append left, with its seq at least the message's", async () => {
      const conv = await newConversation(ctx.store);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          ctx.store.messages.append(customerMessage(conv.id, { text: `m${i}` })),
        ),
      );
      for (const result of results) {
        if (result.duplicate) throw new Error("no clientId: never a duplicate");
        expect(result.conversation).toMatchObject({ id: conv.id, status: "bot" });
        expect(result.conversation.lastSeq).toBeGreaterThanOrEqual(result.message.seq);
      }
      const last = results.find((r) => r.message.seq === 10);
      expect(last).toMatchObject({ conversation: { lastSeq: 10 } });
    });

    it("gives internal notes a seq but keeps them out of the customer-visible preview", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.messages.append(customerMessage(conv.id, { text: "Is it shipped?" }));
      const note = await ctx.store.messages.append(
        customerMessage(conv.id, { author: "agent", text: "VIP customer, be nice", internal: true }),
      );
      expect(note).toMatchObject({
        message: { seq: 2, internal: true },
        conversation: { lastSeq: 2, lastMessagePreview: "Is it shipped?" },
      });
      expect(await ctx.store.conversations.get(conv.id)).toMatchObject({
        lastSeq: 2,
        lastMessagePreview: "Is it shipped?",
      });
    });

    it("stores a system notice's kind and details, reads them back, and keeps the preview", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.messages.append(customerMessage(conv.id, { text: "Can I talk to someone?" }));
      const notice = { kind: "agent.joined", agentName: "Ben" } as const;
      const { message } = await ctx.store.messages.append(
        customerMessage(conv.id, { author: "system", text: "", notice }),
      );
      expect(message.notice).toEqual(notice);
      expect(await ctx.store.messages.listRecent(conv.id, 2)).toEqual([
        expect.not.objectContaining({ notice: expect.anything() }),
        message,
      ]);
      expect(await ctx.store.conversations.get(conv.id)).toMatchObject({
        lastMessagePreview: "Can I talk to someone?",
      });
    });

    it("refuses to append to a conversation that does not exist", async () => {
      await expect(ctx.store.messages.append(customerMessage("conv-missing"))).rejects.toThrow(
        /conv-missing/,
      );
      expect(await ctx.store.messages.listSince("conv-missing", 0)).toEqual([]);
    });

    it("lists messages after a seq in ascending order, at most `limit`", async () => {
      const conv = await newConversation(ctx.store);
      await appendMany(ctx.store, conv.id, 5);
      expect(seqs(await ctx.store.messages.listSince(conv.id, 2))).toEqual([3, 4, 5]);
      expect(seqs(await ctx.store.messages.listSince(conv.id, 2, 2))).toEqual([3, 4]);
      expect(await ctx.store.messages.listSince(conv.id, 5)).toEqual([]);
      expect(await ctx.store.messages.listSince("conv-missing", 0)).toEqual([]);
    });

    it("lists the most recent messages in ascending order", async () => {
      const conv = await newConversation(ctx.store);
      const all = await appendMany(ctx.store, conv.id, 5);
      expect(await ctx.store.messages.listRecent(conv.id, 3)).toEqual(all.slice(2));
      expect(await ctx.store.messages.listRecent(conv.id, 10)).toEqual(all);
    });

    it("reads a run's turn context: the most recent messages, ascending, with what a turn needs", async () => {
      const conv = await newConversation(ctx.store);
      await appendMany(ctx.store, conv.id, 2);
      await ctx.store.messages.append(
        customerMessage(conv.id, { author: "bot", text: "reply", clientId: "run-1:auto", sources: [] }),
      );
      await ctx.store.messages.append(
        customerMessage(conv.id, { author: "agent", authorName: "Ann", text: "note", internal: true }),
      );
      const whole = await ctx.store.messages.listRecent(conv.id, 3);
      const context = await ctx.store.messages.listRecentContext(conv.id, 3);
      expect(context).toEqual(whole.map(contextMessage));
      expect(context.map((m) => [m.seq, m.author, m.clientId, m.internal])).toEqual([
        [2, "customer", null, false],
        [3, "bot", "run-1:auto", false],
        [4, "agent", null, true],
      ]);
      expect(await ctx.store.messages.listRecentContext("conv-missing", 3)).toEqual([]);
    });
    it("stores customer messages queued for the bot, and no other author's", async () => {
      const conv = await newConversation(ctx.store);
      await ctx.store.messages.append(customerMessage(conv.id, { text: "one" }));
      await ctx.store.messages.append(customerMessage(conv.id, { author: "bot", text: "reply" }));
      await ctx.store.messages.append(customerMessage(conv.id, { text: "two" }));
      const waiting = await ctx.store.messages.listWaiting(conv.id);
      expect(waiting.map((w) => [w.message.text, w.handling])).toEqual([
        ["one", "queued"],
        ["two", "queued"],
      ]);
    });

    it("moves one message or all of a conversation's along their handling with a compare-and-set", async () => {
      const conv = await newConversation(ctx.store);
      const other = await newConversation(ctx.store);
      const [first] = await appendMany(ctx.store, conv.id, 3);
      await appendMany(ctx.store, other.id, 1);
      const one = { seq: first?.seq ?? 1, from: ["queued"] as const, to: "routed" as const };
      expect(await ctx.store.messages.setHandling(conv.id, one)).toBe(1);
      expect(await ctx.store.messages.setHandling(conv.id, one)).toBe(0);
      expect(await ctx.store.messages.setHandling(conv.id, { from: ["queued"], to: "held" })).toBe(2);
      expect((await ctx.store.messages.listWaiting(conv.id)).map((w) => [w.message.seq, w.handling])).toEqual(
        [
          [2, "held"],
          [3, "held"],
        ],
      );
      expect(await ctx.store.messages.setHandling(conv.id, { from: ["queued", "held"], to: "person" })).toBe(
        2,
      );
      expect(await ctx.store.messages.listWaiting(conv.id)).toEqual([]);
      expect((await ctx.store.messages.listWaiting(other.id)).map((w) => w.handling)).toEqual(["queued"]);
      expect(await ctx.store.messages.listHandling(conv.id)).toEqual([
        { seq: 1, handling: "routed" },
        { seq: 2, handling: "person" },
        { seq: 3, handling: "person" },
      ]);
    });

    it("lists conversations with queued messages stored by a time, longest waiting first, each once", async () => {
      const a = await newConversation(ctx.store);
      const b = await newConversation(ctx.store);
      const c = await newConversation(ctx.store);
      await appendMany(ctx.store, b.id, 2);
      await tick();
      await appendMany(ctx.store, a.id, 1);
      await appendMany(ctx.store, c.id, 1);
      await ctx.store.messages.setHandling(c.id, { from: ["queued"], to: "routed" });
      await tick();
      const cutoff = new Date().toISOString();
      await tick();
      const late = await newConversation(ctx.store);
      await appendMany(ctx.store, late.id, 1);
      expect(await ctx.store.messages.listQueuedConversations(cutoff, 10)).toEqual([b.id, a.id]);
      expect(await ctx.store.messages.listQueuedConversations(cutoff, 1)).toEqual([b.id]);
      expect(await ctx.store.messages.listQueuedConversations(new Date().toISOString(), 10)).toEqual([
        b.id,
        a.id,
        late.id,
      ]);
    });
  });
}
