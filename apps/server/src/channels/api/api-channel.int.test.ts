import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiChannelCreated,
  ChannelDeliveryList,
  ChannelMessageAccepted,
  ChannelReply,
  WEBHOOK_HEADERS,
  type Review,
} from "@handoff/contracts";
import { verifyWebhook } from "@handoff/core";
import {
  api,
  connectAgent,
  nextReview,
  startTestServer,
  storeVariants,
  type StoreVariant,
  type TestServer,
} from "../../testing";
import { startReceiver, type Received } from "../../webhooks/webhook-receiver";
import { agentReply, apiKey, signIn, until } from "../channels-test-kit";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function channelServer(
  variant: StoreVariant,
  respond?: (req: Received, res: ServerResponse) => void,
  env: Record<string, string> = {},
) {
  const s = await startTestServer({
    env: { CHANNEL_TICK_MS: "100", CHANNEL_RETRY_BASE_MS: "200", ...env },
    overrides: await variant.overrides(),
  });
  cleanups.push(() => s.dispose());
  const receiver = await startReceiver(respond ? { respond } : {});
  cleanups.push(() => receiver.close());
  const created = await api(
    s,
    "POST",
    "/api/channels",
    { name: "WhatsApp bridge", webhookUrl: receiver.url },
    await signIn(s),
  );
  expect(created.status).toBe(201);
  const { channel, secret } = ApiChannelCreated.parse(created.body);
  return { s, receiver, channel, secret, key: await apiKey(s, ["messages:send"]) };
}

const replies = (received: Received[], conversationKey: string) =>
  received
    .map((r) => ChannelReply.parse(JSON.parse(r.body)))
    .filter((r) => r.conversationKey === conversationKey);

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function send(s: TestServer, channelId: string, key: string, body: Record<string, unknown>) {
  return api(s, "POST", `/api/channels/${channelId}/messages`, body, key);
}

describe.each(storeVariants("channels"))("API channel on $name", (variant) => {
  it("answers at the channel's webhook, signed, once per idempotency key", async () => {
    const { s, receiver, channel, secret, key } = await channelServer(variant);
    const message = {
      conversationKey: "+4915100000001",
      idempotencyKey: "m1",
      text: "How long does standard delivery take?",
    };
    const first = await send(s, channel.id, key, message);
    expect(first.status).toBe(202);
    const accepted = ChannelMessageAccepted.parse(first.body);
    const [reply] = await until("the bot's reply", () => {
      const got = replies(receiver.received, "+4915100000001");
      return got.length > 0 ? got : undefined;
    });
    expect(reply).toMatchObject({
      type: "channel.reply",
      channelId: channel.id,
      conversationId: accepted.conversationId,
    });
    expect(reply?.message.author).toBe("bot");
    for (const r of receiver.received) {
      const signature = String(r.headers[WEBHOOK_HEADERS.signature]);
      expect(r.headers[WEBHOOK_HEADERS.event]).toBe("channel.reply");
      expect(verifyWebhook(secret, r.body, signature, nowSeconds())).toBe(true);
      expect(verifyWebhook("chsec_wrong", r.body, signature, nowSeconds())).toBe(false);
    }

    const again = await send(s, channel.id, key, message);
    expect(again.status).toBe(200);
    expect(ChannelMessageAccepted.parse(again.body)).toEqual({ ...accepted, duplicate: true });
    // The same thread key continues the same conversation.
    const next = await send(s, channel.id, key, { ...message, idempotencyKey: "m2", text: "And to Canada?" });
    expect(ChannelMessageAccepted.parse(next.body).conversationId).toBe(accepted.conversationId);
    await new Promise((r) => setTimeout(r, 500));
    // The repeated message got no second answer: the reply went out once.
    const sent = replies(receiver.received, "+4915100000001").filter(
      (r) => r.message.id === reply?.message.id,
    );
    expect(sent).toHaveLength(1);

    const log = await api(s, "GET", `/api/channels/${channel.id}/deliveries`, undefined, await signIn(s));
    const deliveries = ChannelDeliveryList.parse(log.body).deliveries;
    expect(
      deliveries.filter((d) => d.messageId === reply?.message.id).map((d) => [d.status, d.attempts]),
    ).toEqual([["delivered", 1]]);
  });

  it("retries a reply the platform refused until it takes it, and logs each attempt", async () => {
    let refusals = 2;
    const { s, receiver, channel, key } = await channelServer(variant, (_req, res) => {
      res.writeHead(refusals-- > 0 ? 503 : 200).end();
    });
    await send(s, channel.id, key, {
      conversationKey: "k-retry",
      idempotencyKey: "r1",
      text: "How long does standard delivery take?",
    });
    const supervisor = await signIn(s);
    const delivered = await until("the delivered reply", async () => {
      const log = await api(s, "GET", `/api/channels/${channel.id}/deliveries`, undefined, supervisor);
      return ChannelDeliveryList.parse(log.body).deliveries.find((d) => d.status === "delivered");
    });
    expect(delivered.attempts).toBe(3);
    const bodies = replies(receiver.received, "k-retry").filter((r) => r.message.id === delivered.messageId);
    expect(bodies).toHaveLength(3);
  });

  it("goes through approval and handoff like the widget: the approved draft and the agent reply reach the platform", async () => {
    // On SQLite the graph runs in its worker thread, as in production: replies made there reach the channel too.
    const worker: Record<string, string> = variant.name === "SQLite" ? { GRAPH_WORKER: "on" } : {};
    const { s, receiver, channel, key } = await channelServer(variant, undefined, worker);
    const agent = await connectAgent(s);

    const approval = nextReview(agent.socket, "review:created", (r: Review) => r.kind === "approval");
    await send(s, channel.id, key, {
      conversationKey: "k-approval",
      idempotencyKey: "a1",
      text: "Please cancel my subscription today.",
    });
    const review = await approval;
    expect(replies(receiver.received, "k-approval").filter((r) => r.message.author === "bot")).toEqual([]);
    const decided = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(decided.ok).toBe(true);
    await until("the approved answer", () =>
      replies(receiver.received, "k-approval").some((r) => r.message.author === "bot") ? true : undefined,
    );

    const handoff = nextReview(agent.socket, "review:created", (r: Review) => r.kind === "handoff");
    const asked = await send(s, channel.id, key, {
      conversationKey: "k-handoff",
      idempotencyKey: "h1",
      text: "Can I speak with a human agent please",
      customer: { name: "Ada" },
    });
    const { conversationId } = ChannelMessageAccepted.parse(asked.body);
    const waiting = await handoff;
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: waiting.id })).ok).toBe(true);
    expect((await agentReply(s, conversationId, "Hi Ada, I am here.", "r1")).status).toBe(201);
    const fromAgent = await until("the agent's reply", () =>
      replies(receiver.received, "k-handoff").find((r) => r.message.author === "agent"),
    );
    expect(fromAgent.message.text).toBe("Hi Ada, I am here.");
    expect((await s.platform.store.conversations.get(conversationId))?.customer.name).toBe("Ada");
  });

  it("an erasure of the customer removes the conversation's thread key and queued replies", async () => {
    const { s, receiver, channel, key } = await channelServer(variant);
    const posted = await send(s, channel.id, key, {
      conversationKey: "k-erase",
      idempotencyKey: "e1",
      text: "How long does standard delivery take?",
      customer: { email: "erase-me@example.com" },
    });
    const { conversationId } = ChannelMessageAccepted.parse(posted.body);
    await until("the reply", () => (replies(receiver.received, "k-erase").length > 0 ? true : undefined));
    const erased = await api(
      s,
      "POST",
      "/api/privacy/erase",
      { customer: { email: "erase-me@example.com" }, confirm: true },
      await signIn(s),
    );
    expect(erased.status).toBe(200);
    // The channel forgets the conversation when it hears of the erasure (after the response): wait
    // for the last of its three deletes, then check all three.
    await until("the channel records gone", async () =>
      (await s.platform.store.channels.listDeliveries({ conversationId }, 10)).length === 0
        ? true
        : undefined,
    );
    expect(await s.platform.store.channels.getLink(conversationId)).toBeNull();
    expect(await s.platform.store.channels.findByExternalKey(channel.id, "k-erase")).toBeNull();
  });

  it("refuses bad input, unknown and disabled channels and callers without the scope, changing nothing", async () => {
    const { s, receiver, channel, key } = await channelServer(variant);
    const bad = await api<{ error: { code: string } }>(
      s,
      "POST",
      `/api/channels/${channel.id}/messages`,
      { conversationKey: "k-bad", idempotencyKey: "b1", text: "   " },
      key,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
    const extra = await send(s, channel.id, key, {
      conversationKey: "k-bad",
      idempotencyKey: "b1",
      text: "hi",
      admin: true,
    });
    expect(extra.status).toBe(400);
    expect(await s.platform.store.channels.findByExternalKey(channel.id, "k-bad")).toBeNull();
    const ok = { conversationKey: "k-x", idempotencyKey: "x1", text: "Hello" };
    expect((await send(s, "channel-missing", key, ok)).status).toBe(404);
    expect((await send(s, channel.id, await apiKey(s, ["conversations:read"]), ok)).status).toBe(403);
    expect((await api(s, "POST", `/api/channels/${channel.id}/messages`, ok)).status).toBe(401);
    const supervisor = await signIn(s);
    expect((await api(s, "POST", `/api/channels/${channel.id}/messages`, ok, supervisor)).status).toBe(401);
    const off = await api(s, "PATCH", `/api/channels/${channel.id}`, { enabled: false }, supervisor);
    expect(off.status).toBe(200);
    expect((await send(s, channel.id, key, ok)).status).toBe(409);
    expect((await api(s, "PATCH", `/api/channels/${channel.id}`, {}, supervisor)).status).toBe(400);
    expect(
      (await api(s, "POST", "/api/channels", { name: "x", webhookUrl: "ftp://x" }, supervisor)).status,
    ).toBe(400);
    expect(
      (
        await api(
          s,
          "GET",
          "/api/channels",
          undefined,
          await signIn(s, { email: "agent@demo.local", password: "agent-password-1" }),
        )
      ).status,
    ).toBe(403);
    expect(await s.platform.store.channels.findByExternalKey(channel.id, "k-x")).toBeNull();
    expect(receiver.received).toEqual([]);
  });
});
