import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@handoff/contracts";
import { connectCustomer, type SocketTarget } from "../testing";
import { useRedis, useTestServers } from "../testing/test-servers";

// Attack corpus, NAT fairness: every test client connects from 127.0.0.1, like the customers of one
// office or one mobile carrier behind a shared address. One abusive sender there must not lock out
// the others, and nobody there may open conversations without limit. The limits do not depend on
// the store, so these run on SQLite only.

const servers = useTestServers();
const start = (env: Record<string, string>) => servers.start({ env });

/** Sends `count` messages in turn on a customer's socket; which were accepted. */
async function send(customer: Awaited<ReturnType<typeof connectCustomer>>, count: number, tag: string) {
  const accepted: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const ack = await customer.socket.emitWithAck("message:send", {
      clientId: `${tag}${i}`,
      text: `Hi ${i}`,
    });
    if (!ack.ok) expect(ack.error.code).toBe("rate_limited");
    accepted.push(ack.ok);
  }
  return accepted;
}

const ErrorBody = z.object({ error: ApiError });

/** How many of `count` new visitor sessions `target` accepted, and the refusals' bodies and headers. */
async function openVisitors(target: SocketTarget, count: number) {
  const refusals: Array<{ code: string; message: string; retryAfter: string | null }> = [];
  let created = 0;
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${target.url}/api/visitor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const body: unknown = await res.json();
    if (res.status === 201) created++;
    else {
      expect(res.status).toBe(429);
      const { code, message } = ErrorBody.parse(body).error;
      refusals.push({ code, message, retryAfter: res.headers.get("retry-after") });
    }
  }
  return { created, refusals };
}

describe("customers sharing one address", () => {
  it(
    "a socket over its own budget spends nothing of its address's budget, so its neighbours still get through",
    { timeout: 30_000 },
    async () => {
      const server = await start({ SOCKET_MESSAGES_PER_MINUTE: "5", IP_MESSAGES_PER_MINUTE: "10" });
      const abuser = await connectCustomer(server);
      const flood = await send(abuser, 30, "a");
      expect(flood.filter(Boolean)).toHaveLength(5);

      const neighbour = await connectCustomer(server);
      expect(await send(neighbour, 5, "n")).toEqual([true, true, true, true, true]);
      // The address budget still holds for the messages that were accepted: ten in all.
      const late = await connectCustomer(server);
      expect(await send(late, 1, "l")).toEqual([false]);
    },
  );

  it(
    "new visitor sessions are limited per address; a refusal says how long to wait and creates nothing",
    { timeout: 30_000 },
    async () => {
      const server = await start({ VISITOR_SESSIONS_PER_MINUTE: "3" });
      const before = await server.platform.store.conversations.list({ limit: 1000 });
      const { created, refusals } = await openVisitors(server, 6);
      expect(created).toBe(3);
      expect(refusals).toHaveLength(3);
      expect(refusals[0]).toEqual({
        code: "rate_limited",
        message: expect.stringMatching(/too many new chats from your address; wait \d+ s/),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      const after = await server.platform.store.conversations.list({ limit: 1000 });
      expect(after.length - before.length).toBe(3);
    },
  );
});

describe("customers sharing one address, across two instances over Redis", () => {
  // Emptied before each test, so each starts the minute's counts from zero.
  const redis = useRedis();
  const startPair = (env: Record<string, string>) => servers.startPair(redis.url(), env);

  it(
    "an abusive socket on instance A leaves the address's shared budget to its neighbour on instance B",
    { timeout: 30_000 },
    async () => {
      const { a, b } = await startPair({ SOCKET_MESSAGES_PER_MINUTE: "5", IP_MESSAGES_PER_MINUTE: "10" });
      const abuser = await connectCustomer(a);
      expect((await send(abuser, 30, "a")).filter(Boolean)).toHaveLength(5);
      const neighbour = await connectCustomer(b);
      expect(await send(neighbour, 5, "n")).toEqual([true, true, true, true, true]);
      const late = await connectCustomer(a);
      expect(await send(late, 1, "l")).toEqual([false]);
    },
  );

  it("the visitor-session budget of an address is shared by the instances", { timeout: 30_000 }, async () => {
    const { a, b } = await startPair({ VISITOR_SESSIONS_PER_MINUTE: "4" });
    expect((await openVisitors(a, 2)).created).toBe(2);
    expect((await openVisitors(b, 3)).created).toBe(2);
    expect((await openVisitors(a, 1)).created).toBe(0);
  });
});
