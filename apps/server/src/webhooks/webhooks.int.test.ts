import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DomainEvent,
  LoginResponse,
  WEBHOOK_HEADERS,
  WebhookCreated,
  WebhookDeliveryList,
  type DomainEventType,
} from "@handoff/contracts";
import { verifyWebhook } from "@handoff/core";
import {
  AGENT,
  api,
  connectCustomer,
  nextMessage,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";
import { startReceiver, type Received } from "./webhook-receiver";

const FAST = { WEBHOOK_TICK_MS: "100", WEBHOOK_RETRY_BASE_MS: "200" };
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(opts: { dataDir?: string } = {}): Promise<TestServer> {
  const started = await startTestServer({ env: FAST, ...opts });
  cleanups.push(() => (opts.dataDir ? started.stopKeepingData() : started.dispose()));
  return started;
}

async function signIn(s: TestServer, who = SUPERVISOR): Promise<string> {
  return LoginResponse.parse((await api(s, "POST", "/api/auth/login", who)).body).token;
}

async function register(s: TestServer, url: string, events: DomainEventType[]) {
  const res = await api(s, "POST", "/api/webhooks", { url, events }, await signIn(s));
  expect(res.status).toBe(201);
  return WebhookCreated.parse(res.body);
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new customer asks something the bot answers at once, and gets the answer. */
async function askAndGetAnswer(s: TestServer) {
  const customer = await connectCustomer(s);
  const reply = nextMessage(customer.socket, (m) => m.author === "bot");
  await customer.socket.emitWithAck("message:send", {
    clientId: "q1",
    text: "How long does standard delivery take?",
  });
  return reply;
}

const events = (received: Received[]) => received.map((r) => DomainEvent.parse(JSON.parse(r.body)));
const signatureOf = (r: Received) => String(r.headers[WEBHOOK_HEADERS.signature]);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("webhooks", () => {
  it("a receiver on 127.0.0.1 gets signed events it subscribed to; a wrong signature is detectable", async () => {
    const s = await server();
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { endpoint, secret } = await register(s, receiver.url, ["message.created"]);
    expect(secret).toMatch(/^whsec_/);

    await askAndGetAnswer(s);
    await until("two message.created deliveries", () => (receiver.received.length >= 2 ? true : undefined));

    const got = events(receiver.received);
    expect(got.every((e) => e.type === "message.created")).toBe(true);
    expect(got.map((e) => (e.type === "message.created" ? e.data.message.author : null))).toEqual([
      "customer",
      "bot",
    ]);
    for (const r of receiver.received) {
      expect(r.headers[WEBHOOK_HEADERS.event]).toBe("message.created");
      expect(verifyWebhook(secret, r.body, signatureOf(r), nowSeconds())).toBe(true);
      expect(verifyWebhook("whsec_wrong", r.body, signatureOf(r), nowSeconds())).toBe(false);
      expect(verifyWebhook(secret, `${r.body} `, signatureOf(r), nowSeconds())).toBe(false);
      expect(verifyWebhook(secret, r.body, signatureOf(r), nowSeconds() + 3600)).toBe(false);
    }
    const log = await api(s, "GET", `/api/webhooks/${endpoint.id}/deliveries`, undefined, await signIn(s));
    const deliveries = WebhookDeliveryList.parse(log.body).deliveries;
    expect(deliveries.map((d) => [d.status, d.lastStatus, d.attempts])).toEqual([
      ["delivered", 200, 1],
      ["delivered", 200, 1],
    ]);
  });

  it("a receiver that is down gets the retried deliveries once it is up, across a server restart", async () => {
    const probe = await startReceiver();
    const port = probe.port;
    await probe.close();
    const first = await server();
    const { endpoint, secret } = await register(first, `http://127.0.0.1:${port}/hook`, ["review.opened"]);
    const supervisor = await signIn(first);
    const customer = await connectCustomer(first);
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "Can I speak with a human agent please",
    });
    const deliveries = async (s: TestServer) =>
      WebhookDeliveryList.parse(
        (await api(s, "GET", `/api/webhooks/${endpoint.id}/deliveries`, undefined, supervisor)).body,
      ).deliveries;
    // Retried with back-off while nobody listens, kept pending with the error.
    const failing = await until("two failed attempts", async () => {
      const [d] = await deliveries(first);
      return d && d.attempts >= 2 ? d : undefined;
    });
    expect(failing).toMatchObject({ status: "pending", lastStatus: null });
    expect(failing.lastError).toBeTruthy();

    await first.stopKeepingData();
    const receiver = await startReceiver({ port });
    cleanups.push(() => receiver.close());
    const second = await server({ dataDir: first.dataDir });
    cleanups.push(() => second.dispose());
    await until("the retried delivery", () => (receiver.received.length > 0 ? true : undefined));
    const [event] = events(receiver.received);
    expect(event).toMatchObject({ type: "review.opened", data: { review: { kind: "handoff" } } });
    expect(
      verifyWebhook(
        secret,
        receiver.received[0]?.body ?? "",
        signatureOf(receiver.received[0]!),
        nowSeconds(),
      ),
    ).toBe(true);
    const [delivered] = await deliveries(second);
    expect(delivered).toMatchObject({ status: "delivered", lastStatus: 200 });
    expect(delivered?.attempts).toBeGreaterThanOrEqual(3);
  });

  it("a receiver that never answers does not hold up the bot's reply", async () => {
    const s = await server();
    const held: Array<() => void> = [];
    const receiver = await startReceiver({
      respond: (_req, res) => held.push(() => res.writeHead(200).end()),
    });
    cleanups.push(async () => {
      for (const release of held) release();
      await receiver.close();
    });
    await register(s, receiver.url, ["message.created", "conversation.changed"]);
    const customer = await connectCustomer(s);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot", 15_000);
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "How long does standard delivery take?",
    });
    await until("the receiver holding a delivery", () => (held.length > 0 ? true : undefined));
    // The bot answers while every delivery so far is still waiting on the receiver.
    expect((await reply).author).toBe("bot");
    expect(held.length).toBeGreaterThan(0);
    expect(receiver.received.length).toBe(held.length);
  });

  it("a rated answer and an approved correction reach a receiver as typed events", async () => {
    const s = await server();
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    await register(s, receiver.url, ["message.rated", "correction.approved", "review.decided"]);
    const customer = await connectCustomer(s);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "How long does standard delivery take?",
    });
    const answer = await reply;
    const rated = await customer.socket.emitWithAck("feedback:rate", {
      messageId: answer.id,
      rating: "down",
    });
    expect(rated.ok).toBe(true);

    const { agent, review } = await pendingApproval(s);
    const decided = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: {
        type: "edit",
        text: "We stop a subscription the same day; you keep access until the period ends.",
      },
    });
    expect(decided.ok).toBe(true);
    const correction = await until("a pending correction", async () =>
      (await s.platform.store.corrections.list({ status: "pending", limit: 10 })).find(
        (c) => c.conversationId === review.conversationId,
      ),
    );
    const approved = await api(s, "POST", `/api/corrections/${correction.id}/approve`, {}, await signIn(s));
    expect(approved.status).toBe(200);

    const got = await until("three events", () =>
      receiver.received.length >= 3 ? events(receiver.received) : undefined,
    );
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "message.rated",
          data: { conversationId: customer.conversationId, messageId: answer.id, rating: "down" },
        }),
        expect.objectContaining({
          type: "review.decided",
          data: { review: expect.objectContaining({ id: review.id, status: "decided" }) },
        }),
        expect.objectContaining({
          type: "correction.approved",
          data: { correctionId: correction.id, conversationId: review.conversationId },
        }),
      ]),
    );
  });

  it("a disabled endpoint gets nothing; agents cannot manage webhooks; bad input is a 400", async () => {
    const s = await server();
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { endpoint } = await register(s, receiver.url, ["conversation.changed"]);
    const supervisor = await signIn(s);
    const off = await api(s, "PATCH", `/api/webhooks/${endpoint.id}`, { enabled: false }, supervisor);
    expect(off).toMatchObject({ status: 200, body: { endpoint: { enabled: false } } });
    await askAndGetAnswer(s);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toEqual([]);

    const agent = await signIn(s, AGENT);
    expect((await api(s, "GET", "/api/webhooks", undefined, agent)).status).toBe(403);
    for (const body of [
      {},
      { url: "ftp://example.com/x", events: ["message.created"] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ["nope"] },
      { url: receiver.url, events: ["message.created"], secret: "mine" },
    ]) {
      expect((await api(s, "POST", "/api/webhooks", body, supervisor)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    const listed = z
      .object({ endpoints: z.array(z.unknown()) })
      .parse((await api(s, "GET", "/api/webhooks", undefined, supervisor)).body);
    expect(listed.endpoints).toHaveLength(1);
    const audit = await s.platform.store.audit.list({ action: "webhook.updated", limit: 5 });
    expect(audit[0]?.details).toMatchObject({ webhookId: endpoint.id, enabled: false });
  });
});
