import { describe, expect, it } from "vitest";
import type { ApiChannel, ChannelDelivery, ChannelLink } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { customerMessage, isoFromNow, newConversation, uniqueId } from "./fixtures";

function channel(overrides: Partial<ApiChannel> = {}): ApiChannel {
  return {
    id: uniqueId("channel"),
    name: "WhatsApp bridge",
    webhookUrl: "http://127.0.0.1:9/replies",
    enabled: true,
    createdAt: isoFromNow(0),
    ...overrides,
  };
}

function link(overrides: Partial<ChannelLink> = {}): ChannelLink {
  return {
    conversationId: uniqueId("conv"),
    kind: "email",
    channelId: null,
    externalKey: null,
    address: "ada@example.com",
    subject: "My order",
    threadRefs: [],
    createdAt: isoFromNow(0),
    ...overrides,
  };
}

function delivery(overrides: Partial<ChannelDelivery> = {}): ChannelDelivery {
  const messageId = uniqueId("msg");
  return {
    id: uniqueId("delivery"),
    conversationId: "conv-1",
    messageId,
    message: {
      id: messageId,
      seq: 2,
      author: "bot",
      authorName: null,
      text: "Hello",
      createdAt: isoFromNow(0),
    },
    kind: "email",
    target: "ada@example.com",
    status: "pending",
    attempts: 0,
    nextAttemptAt: isoFromNow(0),
    lastError: null,
    createdAt: isoFromNow(0),
    deliveredAt: null,
    ...overrides,
  };
}

/** ChannelRepo: API channels, one channel per conversation, one thread key per conversation, an outbox sent once. */
export function describeChannels(ctx: StoreContext): void {
  describe("channels", () => {
    it("keeps an API channel's secret apart and changes only what is patched", async () => {
      const created = await ctx.store.channels.createChannel(channel(), "chsec_1");
      expect(await ctx.store.channels.getChannel(created.id)).toEqual({
        channel: created,
        secret: "chsec_1",
      });
      expect(await ctx.store.channels.listChannels()).toEqual([created]);
      expect(await ctx.store.channels.updateChannel(created.id, { enabled: false })).toEqual({
        ...created,
        enabled: false,
      });
      expect(await ctx.store.channels.updateChannel("channel-missing", { enabled: true })).toBeNull();
      expect(await ctx.store.channels.getChannel("channel-missing")).toBeNull();
    });

    it("gives a thread key to one conversation only", async () => {
      const first = await ctx.store.channels.link(
        link({ kind: "api", channelId: "ch-1", externalKey: "+4915100", address: null, subject: null }),
      );
      const second = await ctx.store.channels.link({ ...first, conversationId: uniqueId("conv") });
      expect(second).toEqual(first);
      expect(await ctx.store.channels.getLink(second.conversationId)).toEqual(first);
      expect(await ctx.store.channels.findByExternalKey("ch-1", "+4915100")).toEqual(first);
      expect(await ctx.store.channels.findByExternalKey("ch-2", "+4915100")).toBeNull();
      expect(await ctx.store.channels.getLink("conv-missing")).toBeNull();
    });

    it("keeps an email thread's references, once each and at most 20, across a new address", async () => {
      const { conversationId } = await ctx.store.channels.link(link());
      await ctx.store.channels.addThreadRef(conversationId, "<a@example.com>");
      await ctx.store.channels.addThreadRef(conversationId, "<a@example.com>");
      await ctx.store.channels.addThreadRef(conversationId, "<b@example.com>");
      expect((await ctx.store.channels.getLink(conversationId))?.threadRefs).toEqual([
        "<a@example.com>",
        "<b@example.com>",
      ]);
      const moved = await ctx.store.channels.link(link({ conversationId, address: "ada@work.example.com" }));
      expect(moved.address).toBe("ada@work.example.com");
      expect(moved.threadRefs).toEqual(["<a@example.com>", "<b@example.com>"]);
      for (let i = 0; i < 25; i++)
        await ctx.store.channels.addThreadRef(conversationId, `<${i}@example.com>`);
      const refs = (await ctx.store.channels.getLink(conversationId))?.threadRefs ?? [];
      expect(refs).toHaveLength(20);
      expect(refs.at(-1)).toBe("<24@example.com>");
    });

    it("lists the replies written on a channel conversation that have no delivery, once queued none", async () => {
      const conv = await newConversation(ctx.store);
      const agent = (text: string, internal = false) =>
        ctx.store.messages.append(customerMessage(conv.id, { author: "agent", text, internal }));
      const since = isoFromNow(-60_000);
      await agent("before the link");
      await new Promise((r) => setTimeout(r, 5));
      await ctx.store.channels.link(link({ conversationId: conv.id, createdAt: new Date().toISOString() }));
      await new Promise((r) => setTimeout(r, 5));
      await ctx.store.messages.append(customerMessage(conv.id, { text: "a customer's" }));
      const { message } = await agent("left behind");
      await agent("a note", true);
      const unqueued = await ctx.store.channels.listUnqueued(since, 10);
      expect(unqueued.filter((u) => u.conversationId === conv.id)).toEqual([
        { conversationId: conv.id, seq: message.seq },
      ]);
      await ctx.store.channels.enqueue([delivery({ conversationId: conv.id, messageId: message.id })]);
      const after = await ctx.store.channels.listUnqueued(since, 10);
      expect(after.filter((u) => u.conversationId === conv.id)).toEqual([]);
    });

    it("forgets an erased conversation's link, thread key and deliveries, and nothing else", async () => {
      const gone = await ctx.store.channels.link(
        link({ kind: "api", channelId: "ch-9", externalKey: "+49151", address: null, subject: null }),
      );
      const kept = await ctx.store.channels.link(link());
      await ctx.store.channels.enqueue([
        delivery({ conversationId: gone.conversationId }),
        delivery({ conversationId: kept.conversationId }),
      ]);
      expect(await ctx.store.channels.forget([gone.conversationId])).toBeGreaterThanOrEqual(2);
      expect(await ctx.store.channels.getLink(gone.conversationId)).toBeNull();
      expect(await ctx.store.channels.findByExternalKey("ch-9", "+49151")).toBeNull();
      expect(await ctx.store.channels.listDeliveries({ conversationId: gone.conversationId }, 10)).toEqual(
        [],
      );
      expect(await ctx.store.channels.getLink(kept.conversationId)).toEqual(kept);
      expect(
        await ctx.store.channels.listDeliveries({ conversationId: kept.conversationId }, 10),
      ).toHaveLength(1);
      expect(await ctx.store.channels.forget([])).toBe(0);
    });

    it("stores one delivery per message and target, and claims each due one once", async () => {
      const now = delivery({ nextAttemptAt: isoFromNow(-1000) });
      const later = delivery({ nextAttemptAt: isoFromNow(60_000) });
      expect(await ctx.store.channels.enqueue([now, later])).toBe(2);
      expect(await ctx.store.channels.enqueue([{ ...now, id: uniqueId("delivery") }])).toBe(0);
      const lease = isoFromNow(120_000);
      const claimed = await ctx.store.channels.claimDue(isoFromNow(0), lease, 10);
      expect(claimed.map((d) => d.id)).toEqual([now.id]);
      expect(claimed[0]?.message).toEqual(now.message);
      expect(await ctx.store.channels.claimDue(isoFromNow(0), lease, 10)).toEqual([]);
      await ctx.store.channels.recordAttempt(now.id, {
        status: "delivered",
        attempts: 1,
        nextAttemptAt: lease,
        lastError: null,
        deliveredAt: isoFromNow(0),
      });
      const due = await ctx.store.channels.claimDue(isoFromNow(200_000), isoFromNow(300_000), 10);
      expect(due.map((d) => d.id)).toEqual([later.id]);
      const listed = await ctx.store.channels.listDeliveries({ conversationId: "conv-1" }, 10);
      expect(listed.map((d) => d.status).sort()).toEqual(["delivered", "pending"]);
      expect(await ctx.store.channels.listDeliveries({ target: "ada@example.com" }, 1)).toHaveLength(1);
    });
  });
}
