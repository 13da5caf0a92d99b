import { afterEach, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Clock } from "@handoff/core";
import {
  api,
  AGENT,
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextMessage,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.dispose();
});

const start = async (env: Record<string, string> = {}, clock?: Clock) => {
  const server = await startTestServer({ env, overrides: clock ? { clock } : {} });
  servers.push(server);
  return server;
};

/** Opens a raw socket and resolves with "connected" or the refusal's message. */
function handshake(
  url: string,
  opts: { auth?: Record<string, unknown>; origin?: string; transports?: string[] },
): Promise<string> {
  const socket = connect(url, {
    auth: opts.auth ?? {},
    transports: opts.transports ?? ["websocket"],
    extraHeaders: opts.origin ? { origin: opts.origin } : {},
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
  });
}

describe("socket handshakes", () => {
  it("a handshake from an origin that is not allowed is refused, on websocket and polling alike", async () => {
    const server = await start({ ALLOWED_ORIGINS: "https://shop.example" });
    const visitor = (await api<{ token: string }>(server, "POST", "/api/visitor", {})).body;
    const auth = { token: visitor.token };
    for (const transports of [["websocket"], ["polling"]]) {
      expect(
        await handshake(`${server.url}/widget`, { auth, origin: "https://evil.example", transports }),
      ).toMatch(/^refused/);
      expect(
        await handshake(`${server.url}/widget`, { auth, origin: "https://shop.example", transports }),
      ).toBe("connected");
    }
    // The engine refuses before any namespace: the raw polling request gets a 403.
    const raw = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: "https://evil.example" },
    });
    expect(raw.status).toBe(403);
    // The server's own pages (the widget iframe, the console) are always allowed.
    const own = new URL(server.url).origin;
    expect(await handshake(`${server.url}/widget`, { auth, origin: own })).toBe("connected");
    const login = await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT);
    expect(
      await handshake(`${server.url}/console`, {
        auth: { token: login.body.token },
        origin: "https://evil.example",
      }),
    ).toMatch(/^refused/);
  });

  it("handshakes without a valid token are refused on both namespaces", async () => {
    const server = await start();
    const visitor = (await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {}))
      .body;
    const session = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ["/widget", {}],
      ["/widget", { token: "" }],
      ["/widget", { token: { $ne: null } }],
      ["/widget", { token: `${visitor.conversationId}.forged` }],
      ["/widget", { token: session }],
      ["/console", {}],
      ["/console", { token: visitor.token }],
      ["/console", { token: ["a", "b"] }],
    ];
    for (const [namespace, auth] of attempts) {
      expect({ namespace, auth, outcome: await handshake(`${server.url}${namespace}`, { auth }) }).toEqual({
        namespace,
        auth,
        outcome: expect.stringMatching(/^refused: unauthorized/),
      });
    }
  });

  it("nobody can connect to the root namespace, with or without a token", async () => {
    const server = await start();
    const visitor = (await api<{ token: string }>(server, "POST", "/api/visitor", {})).body.token;
    const session = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
    for (const auth of [{}, { token: visitor }, { token: session }]) {
      for (const transports of [["websocket"], ["polling"]]) {
        expect({ auth, outcome: await handshake(server.url, { auth, transports }) }).toEqual({
          auth,
          outcome: expect.stringMatching(/^refused: unauthorized/),
        });
      }
    }
  });

  it("a signed-out or expired console session can no longer open a socket", async () => {
    let now = Date.now();
    const server = await start({ SESSION_TTL_HOURS: "1" }, { now: () => new Date(now) });
    const signedOut = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
    await api(server, "POST", "/api/auth/logout", undefined, signedOut);
    expect(await handshake(`${server.url}/console`, { auth: { token: signedOut } })).toMatch(/^refused/);

    const expiring = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
    expect(await handshake(`${server.url}/console`, { auth: { token: expiring } })).toBe("connected");
    now += 61 * 60_000;
    expect(await handshake(`${server.url}/console`, { auth: { token: expiring } })).toMatch(/^refused/);
  });
});

describe("a visitor stays inside their own conversation", () => {
  it("a visitor token cannot read or write another conversation", async () => {
    const server = await start();
    const ada = await connectCustomer(server);
    const grace = await connectCustomer(server);
    const answered = nextMessage(grace.socket, (m) => m.author === "bot");
    await grace.socket.emitWithAck("message:send", {
      clientId: "g1",
      text: "How long does standard delivery take?",
    });
    const graceAnswer = await answered;

    // Grace's conversation id under Ada's signature is not a token.
    const [, adaSignature] = ada.token.split(".");
    const spliced = `${grace.conversationId}.${adaSignature}`;
    expect(await handshake(`${server.url}/widget`, { auth: { token: spliced } })).toMatch(/^refused/);

    // Resuming with Ada's token gives Ada's conversation, whatever else the request says.
    const resumed = await api<{ conversationId: string }>(server, "POST", "/api/visitor", {
      token: ada.token,
      conversationId: grace.conversationId,
    });
    expect(resumed.body.conversationId).toBe(ada.conversationId);

    // Events carry no conversation id: Ada's socket can only ever touch Ada's conversation.
    const rate = await ada.socket.emitWithAck("feedback:rate", { messageId: graceAnswer.id, rating: "down" });
    expect(!rate.ok && rate.error.code).toBe("not_found");
    await ada.socket.emitWithAck("message:send", { clientId: "a1", text: "hello from Ada" });
    expect((await customerTranscript(grace)).map((m) => m.text)).not.toContain("hello from Ada");
    expect((await customerTranscript(ada)).map((m) => m.id)).not.toContain(graceAnswer.id);
    const heard: string[] = [];
    grace.socket.onAny((event: string) => heard.push(event));
    await ada.socket.emitWithAck("message:send", { clientId: "a2", text: "another one from Ada" });
    await server.platform.conversations.idle();
    // A round trip on Grace's socket: anything the server sent her before it has arrived by its answer.
    await grace.socket.emitWithAck("messages:sync", { since: 0 });
    expect(heard).toEqual([]);

    // And a visitor token opens no REST endpoint.
    const rest = await api(server, "GET", `/api/conversations/${grace.conversationId}`, undefined, ada.token);
    expect(rest.status).toBe(401);
  });
});

describe("agents and supervisors on the console socket", () => {
  it("an agent cannot reply in or close another agent's live chat; a supervisor can step in", async () => {
    const server = await start();
    const { agent, customer, review } = await pendingHandoff(server);
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    await server.platform.auth.createUser({
      email: "second@demo.local",
      name: "Second Agent",
      role: "agent",
      password: "second-password-1",
    });
    const other = await connectAgent(server, { email: "second@demo.local", password: "second-password-1" });
    const before = await customerTranscript(customer);

    const reply = await other.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "x1",
      text: "I am not assigned here",
    });
    expect(!reply.ok && reply.error.code).toBe("forbidden");
    const close = await other.socket.emitWithAck("handoff:release", {
      conversationId: customer.conversationId,
      outcome: "resolved",
    });
    expect(!close.ok && close.error.code).toBe("forbidden");
    expect(await customerTranscript(customer)).toEqual(before);

    const supervisor = await connectAgent(server, SUPERVISOR);
    const stepIn = await supervisor.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "s1",
      text: "A supervisor here, I'll help.",
    });
    expect(stepIn.ok).toBe(true);
    const resolved = await supervisor.socket.emitWithAck("handoff:release", {
      conversationId: customer.conversationId,
      outcome: "resolved",
    });
    expect(resolved.ok && resolved.data.conversation.status).toBe("resolved");
  });
});

describe("message rate limits", () => {
  it("a socket over its per-minute budget gets a rate_limited ack, and the message is not stored", async () => {
    const server = await start({ SOCKET_MESSAGES_PER_MINUTE: "5" });
    const customer = await connectCustomer(server);
    const acks = [];
    for (let i = 0; i < 7; i++)
      acks.push(
        await customer.socket.emitWithAck("message:send", { clientId: `m${i}`, text: `Hello number ${i}` }),
      );
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, true, true, false, false]);
    const refused = acks[5];
    expect(refused && !refused.ok && refused.error).toEqual({
      code: "rate_limited",
      message: expect.stringMatching(/too many messages; wait \d+ s/),
    });
    await server.platform.conversations.idle();
    const stored = (await customerTranscript(customer)).filter((m) => m.author === "customer");
    expect(stored.map((m) => m.clientId)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    // Reading is not limited, and another customer is unaffected.
    expect((await customer.socket.emitWithAck("messages:sync", { since: 0 })).ok).toBe(true);
    const other = await connectCustomer(server);
    expect((await other.socket.emitWithAck("message:send", { clientId: "o1", text: "Hi" })).ok).toBe(true);
  });

  it("all sockets from one IP share the per-IP budget, so opening new sockets does not get around it", async () => {
    const server = await start({ IP_MESSAGES_PER_MINUTE: "6" });
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const customer = await connectCustomer(server);
      for (let j = 0; j < 2; j++) {
        const ack = await customer.socket.emitWithAck("message:send", {
          clientId: `c${j}`,
          text: `Hi ${i}.${j}`,
        });
        results.push(ack.ok);
      }
    }
    expect(results.filter(Boolean)).toHaveLength(6);
    expect(results.slice(6)).toEqual([false, false]);
  });
});

describe("socket payload limits", () => {
  it("a payload over 64 kB closes the socket and stores nothing; an over-long message is a clear error", async () => {
    const server = await start();
    const customer = await connectCustomer(server);
    const long = await customer.socket.emitWithAck("message:send", {
      clientId: "long",
      text: "x".repeat(4001),
    });
    expect(!long.ok && long.error.code).toBe("bad_request");
    const closed = new Promise<string>((resolve) => customer.socket.once("disconnect", resolve));
    customer.socket.emit("message:send", { clientId: "huge", text: "y".repeat(70 * 1024) }, () => undefined);
    expect(await closed).toMatch(/transport/);
    const again = await connectCustomer(server, customer);
    expect(await customerTranscript(again)).toEqual([]);
  });
});
