import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import type { Message } from "@handoff/contracts";
import { startFakeOpenAI, type FakeOpenAI } from "@handoff/core/testing";
import {
  AGENT,
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextConversation,
  nextMessage,
  nextReview,
  startRedis,
  SUPERVISOR,
  type RedisProcess,
} from "../testing";
import { useServerProcesses } from "../testing/server-processes";

// Two real server processes on one store (a shared SQLite file, or MongoDB when MONGODB_URI is set)
// and a real redis-server between their Socket.IO servers.
let redis: RedisProcess;
let slowModel: FakeOpenAI;
const processes = useServerProcesses("multi");

beforeAll(async () => {
  redis = await startRedis();
  slowModel = await startFakeOpenAI({
    apiKey: "test-key",
    reply: () => ({ delayMs: 60_000, content: "late" }),
  });
});
afterAll(async () => {
  await redis?.stop();
  await slowModel?.close();
});

const stores = [
  { name: "a shared SQLite file", mongo: false },
  ...(process.env.MONGODB_URI ? [{ name: "MongoDB", mongo: true }] : []),
];

/** Starts instances A and B on one store and one Redis, one after the other (the first seeds the demo). */
async function startPair(
  mongo: boolean,
  envB: Record<string, string> = {},
  envBoth: Record<string, string> = {},
) {
  const dataDir = await processes.dataDir();
  const env: Record<string, string> = {
    REDIS_URL: redis.url,
    LEASE_TTL_MS: "1500",
    DEADLINE_CHECK_SECONDS: "0.5",
    LOG_LEVEL: "info",
    ...envBoth,
  };
  if (mongo && process.env.MONGODB_URI) {
    const uri = new URL(process.env.MONGODB_URI);
    uri.pathname = `/multi_${randomUUID().slice(0, 8)}`;
    env.MONGODB_URI = uri.toString();
  }
  const a = await processes.start(dataDir, { ...env, INSTANCE_ID: "instance-a" });
  const b = await processes.start(dataDir, { ...env, ...envB, INSTANCE_ID: "instance-b" });
  return { a: a.server, b: b.server, onA: a.target, onB: b.target };
}

const texts = (messages: Message[]) => messages.map((m) => `${m.author}:${m.text}`);

describe.each(stores)("several instances on $name", ({ mongo }) => {
  it(
    "an agent on instance A sees a handoff raised on instance B, and they chat both ways",
    { timeout: 90_000 },
    async () => {
      const { onA, onB } = await startPair(mongo);
      const agent = await connectAgent(onA);
      const customer = await connectCustomer(onB);
      const raised = nextReview(
        agent.socket,
        "review:created",
        (r) => r.conversationId === customer.conversationId,
        15_000,
      );
      await customer.socket.emitWithAck("message:send", {
        clientId: "q1",
        text: "I want to talk to a person",
      });
      const handoff = await raised;
      expect(handoff.kind).toBe("handoff");

      const taken = nextConversation(customer.socket, (c) => c.status === "human", 15_000);
      expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: handoff.id })).ok).toBe(true);
      expect((await taken).assigneeName).toBe(agent.user.name);
      await agent.socket.emitWithAck("conversation:open", { conversationId: customer.conversationId });

      const toCustomer = nextMessage(customer.socket, (m) => m.author === "agent", 15_000);
      await agent.socket.emitWithAck("message:send", {
        conversationId: customer.conversationId,
        clientId: "a1",
        text: "Hi, I'm here. What can I do?",
      });
      expect((await toCustomer).text).toBe("Hi, I'm here. What can I do?");

      const toAgent = nextMessage(
        agent.socket,
        (m) => m.author === "customer" && m.clientId === "q2",
        15_000,
      );
      await customer.socket.emitWithAck("message:send", { clientId: "q2", text: "My grinder is broken." });
      expect((await toAgent).text).toBe("My grinder is broken.");
    },
  );

  it(
    "two agents on different instances claim the same handoff and exactly one wins",
    { timeout: 90_000 },
    async () => {
      const { onA, onB } = await startPair(mongo);
      const first = await connectAgent(onA, AGENT);
      const second = await connectAgent(onB, SUPERVISOR);
      const customer = await connectCustomer(onA);
      const raised = nextReview(
        second.socket,
        "review:created",
        (r) => r.conversationId === customer.conversationId,
        15_000,
      );
      await customer.socket.emitWithAck("handoff:request", {});
      const handoff = await raised;
      const results = await Promise.all([
        first.socket.emitWithAck("handoff:claim", { reviewId: handoff.id }),
        second.socket.emitWithAck("handoff:claim", { reviewId: handoff.id }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const lost = results.find((r) => !r.ok);
      expect(lost && !lost.ok && lost.error.code).toBe("conflict");
    },
  );

  it(
    "killing an instance mid-conversation loses no message, and the conversation goes on on the other",
    { timeout: 90_000 },
    async () => {
      // B's model is slow, so B is certainly mid-answer when it is killed.
      const { b, onA, onB } = await startPair(mongo, {
        OPENAI_API_KEY: "test-key",
        OPENAI_BASE_URL: slowModel.url,
        MODEL_TIMEOUT_MS: "60000",
      });
      const onB1 = await connectCustomer(onB);
      const burst = [
        "How long does standard delivery take?",
        "Do you ship to Canada?",
        "How do I pause my subscription?",
      ];
      const acks = await Promise.all(
        burst.map((text, i) => onB1.socket.emitWithAck("message:send", { clientId: `burst-${i}`, text })),
      );
      expect(acks.every((a) => a.ok)).toBe(true);
      const deadlineForModel = Date.now() + 15_000;
      while (slowModel.chatRequests().length === 0 && Date.now() < deadlineForModel) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(slowModel.chatRequests().length).toBeGreaterThan(0);
      await b.kill("SIGKILL");

      // The widget reconnects through the load balancer and lands on A.
      const onA1 = await connectCustomer(onA, onB1);
      const deadline = Date.now() + 20_000;
      let transcript = await customerTranscript(onA1);
      // Whatever B did not finish, A's sweep picks up once B's lease has expired; the burst's replies
      // may come one by one, so wait until the transcript ends with a reply and has settled.
      let settledSince = Date.now();
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const latest = await customerTranscript(onA1);
        if (latest.length !== transcript.length || latest.at(-1)?.author === "customer")
          settledSince = Date.now();
        transcript = latest;
        if (Date.now() - settledSince >= 2_000) break;
      }
      const customerLines = transcript.filter((m) => m.author === "customer").map((m) => m.text);
      // Sent without waiting for each ack, so they may be stored in any order, but each exactly once.
      expect(customerLines.toSorted()).toEqual(burst.toSorted());
      expect(transcript.at(-1)?.author).not.toBe("customer");
      expect(new Set(transcript.map((m) => m.id)).size).toBe(transcript.length);
      const replies = transcript.filter((m) => m.author === "bot").map((m) => m.text);
      expect(new Set(replies).size).toBe(replies.length);

      const next = nextMessage(onA1.socket, (m) => m.author === "bot", 20_000);
      await onA1.socket.emitWithAck("message:send", {
        clientId: "after",
        text: "How long does standard delivery take?",
      });
      expect((await next).text).toMatch(/day/);
      expect(texts(await customerTranscript(onA1)).filter((t) => t.startsWith("customer:"))).toHaveLength(4);
    },
  );

  it("a sender's per-address message budget is shared by the instances", { timeout: 90_000 }, async () => {
    // Earlier tests sent from this address too; start the minute's count from zero.
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await client.quit();
    const { onA, onB } = await startPair(mongo, {}, { IP_MESSAGES_PER_MINUTE: "5" });
    const viaA = await connectCustomer(onA);
    const viaB = await connectCustomer(onB);
    const send = (c: typeof viaA, i: number) =>
      c.socket.emitWithAck("message:send", {
        clientId: `m${i}`,
        text: "How long does standard delivery take?",
      });
    for (let i = 0; i < 3; i++) expect((await send(viaA, i)).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await send(viaB, i)).ok).toBe(true);
    const refused = await send(viaB, 9);
    expect(!refused.ok && refused.error.code).toBe("rate_limited");
  });
});
