import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import type { Message } from "@handoff/contracts";
import {
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextConversation,
  nextMessage,
  nextReview,
} from "../testing";
import { useServerProcesses } from "../testing/server-processes";

const { dataDir, start } = useServerProcesses("kill");

/** Messages as the customer sees them, compared by what identifies and shows them. */
const shown = (messages: Message[]) =>
  messages.map((m) => ({ id: m.id, seq: m.seq, author: m.author, text: m.text }));

/** Polls until the transcript stops changing (the bot of a separate process has nothing left to do). */
async function settledTranscript(customer: Awaited<ReturnType<typeof connectCustomer>>, quietMs = 1500) {
  let last = JSON.stringify(await customerTranscript(customer));
  const deadline = Date.now() + 30_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const next = JSON.stringify(await customerTranscript(customer));
    if (next === last || Date.now() > deadline) return customerTranscript(customer);
    last = next;
  }
}

describe("the server killed with SIGKILL", () => {
  it(
    "a live handoff (claimed, mid chat) is still there after a restart: the agent carries on and the transcript is intact",
    { timeout: 90_000 },
    async () => {
      const dir = await dataDir();
      const first = await start(dir);
      const agent1 = await connectAgent(first.target);
      const customer1 = await connectCustomer(first.target);
      const created = nextReview(agent1.socket, "review:created");
      await customer1.socket.emitWithAck("message:send", {
        clientId: "c1",
        text: "Can I speak with a human agent please",
      });
      const review = await created;
      expect(review.kind).toBe("handoff");
      await agent1.socket.emitWithAck("conversation:open", { conversationId: customer1.conversationId });
      expect((await agent1.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
      const greeted = nextMessage(customer1.socket, (m) => m.author === "agent");
      await agent1.socket.emitWithAck("message:send", {
        conversationId: customer1.conversationId,
        clientId: "a1",
        text: "Hi, I'm Ada from the team. What happened?",
      });
      await greeted;
      const heard = nextMessage(agent1.socket, (m) => m.text === "My order is three days late.");
      await customer1.socket.emitWithAck("message:send", {
        clientId: "c2",
        text: "My order is three days late.",
      });
      await heard;
      const before = await customerTranscript(customer1);

      await first.server.kill("SIGKILL");
      const second = await start(dir);
      const agent2 = await connectAgent(second.target);
      const inbox = await agent2.socket.emitWithAck("inbox:list", {});
      if (!inbox.ok) throw new Error(inbox.error.message);
      expect(inbox.data.reviews.find((r) => r.id === review.id)).toMatchObject({
        status: "claimed",
        assigneeName: agent1.user.name,
      });
      expect(inbox.data.conversations.find((c) => c.id === customer1.conversationId)).toMatchObject({
        status: "human",
        assigneeId: agent1.user.id,
      });

      const customer2 = await connectCustomer(second.target, customer1);
      expect(shown(await customerTranscript(customer2))).toEqual(shown(before));
      const opened = await agent2.socket.emitWithAck("conversation:open", {
        conversationId: customer1.conversationId,
      });
      expect(opened.ok && shown(opened.data.messages.filter((m) => !m.internal))).toEqual(shown(before));

      const reply = nextMessage(customer2.socket, (m) => m.author === "agent");
      const sent = await agent2.socket.emitWithAck("message:send", {
        conversationId: customer1.conversationId,
        clientId: "a2",
        text: "Found it: it ships tomorrow with express delivery.",
      });
      expect(sent.ok).toBe(true);
      expect((await reply).text).toBe("Found it: it ships tomorrow with express delivery.");
      const thanks = nextMessage(agent2.socket, (m) => m.text === "Thanks!");
      await customer2.socket.emitWithAck("message:send", { clientId: "c3", text: "Thanks!" });
      await thanks;
      const resolved = nextConversation(customer2.socket, (c) => c.status === "resolved");
      const release = await agent2.socket.emitWithAck("handoff:release", {
        conversationId: customer1.conversationId,
        outcome: "resolved",
      });
      expect(release.ok).toBe(true);
      await resolved;

      const after = await customerTranscript(customer2);
      expect(shown(after.slice(0, before.length))).toEqual(shown(before));
      expect(after.map((m) => m.seq)).toEqual(after.map((_, i) => i + 1));
      expect(after.filter((m) => m.author === "bot")).toEqual([]);
      expect(after.filter((m) => m.author === "agent").map((m) => m.clientId)).toHaveLength(2);
    },
  );

  it(
    "in the middle of a burst: every acknowledged message is stored once, a retried one is not stored again, and no reply is sent twice",
    { timeout: 120_000 },
    async () => {
      const dir = await dataDir();
      const first = await start(dir);
      const customer1 = await connectCustomer(first.target);
      // Questions the bot answers on its own, so replies are being sent while the process dies.
      const questions = ["How long does standard delivery take?", "Do you ship outside the US?"];
      const burst = Array.from({ length: 40 }, (_, i) => ({
        clientId: `burst-${i}`,
        text: `${questions[i % questions.length]} (${i})`,
      }));
      const acked = new Set<string>();
      const killAfter = 12;
      // Sent 3 ms apart without waiting; the server dies the moment the 12th acknowledgement arrives,
      // with the rest of the burst stored but unacknowledged, in flight, or not yet sent.
      const killed = new Promise<void>((resolve) => {
        let i = 0;
        const sendNext = () => {
          const message = burst[i++];
          if (!message || acked.size >= killAfter) return;
          customer1.socket.emit("message:send", message, (ack) => {
            if (ack.ok) acked.add(message.clientId);
            if (acked.size === killAfter) resolve();
          });
          setTimeout(sendNext, 3);
        };
        sendNext();
      }).then(() => first.server.kill("SIGKILL"));
      await killed;
      // The kill landed mid-burst: part of it was never acknowledged.
      expect(acked.size).toBeLessThan(burst.length);

      const second = await start(dir);
      const customer2 = await connectCustomer(second.target, customer1);
      const live: Message[] = [];
      customer2.socket.on("message:new", (m) => live.push(m));
      const afterCrash = await customerTranscript(customer2);
      const stored = afterCrash.filter((m) => m.author === "customer").map((m) => m.clientId);
      for (const clientId of acked) expect(stored.filter((c) => c === clientId)).toHaveLength(1);
      expect(new Set(stored).size).toBe(stored.length);

      // The widget's outbox resends everything it has no ack for, and (to be safe) the rest too.
      for (const message of burst) {
        const ack = await customer2.socket.emitWithAck("message:send", message);
        if (!ack.ok) throw new Error(ack.error.message);
        expect(ack.data.duplicate).toBe(stored.includes(message.clientId));
      }

      // The restarted server's graph worker loads its language models before its first answer; on a
      // loaded machine that outlasts the settle's quiet period, so wait for a first reply before settling.
      await vi.waitFor(
        async () => expect((await customerTranscript(customer2)).some((m) => m.author === "bot")).toBe(true),
        { timeout: 60_000, interval: 250 },
      );
      const final = await settledTranscript(customer2);
      const customerIds = final.filter((m) => m.author === "customer").map((m) => m.clientId);
      expect(customerIds.slice().sort()).toEqual(burst.map((m) => m.clientId).sort());
      expect(final.map((m) => m.seq)).toEqual(final.map((_, i) => i + 1));
      // One reply per question at most: a bot reply is keyed by the seq of the question it answers.
      const replies = final.filter((m) => m.author === "bot");
      expect(replies.length).toBeGreaterThan(0);
      expect(new Set(replies.map((m) => m.clientId)).size).toBe(replies.length);
      const questionSeqs = new Set(final.filter((m) => m.author === "customer").map((m) => m.seq));
      for (const reply of replies) {
        const answered = Number(/:(\d+):auto$/.exec(reply.clientId ?? "")?.[1]);
        expect(questionSeqs.has(answered)).toBe(true);
      }
      // Nothing reached the customer twice under two ids: every pushed message is one of the stored ones.
      const ids = new Set(final.map((m) => m.id));
      for (const m of live) expect(ids.has(m.id)).toBe(true);
      expect(new Set(final.map((m) => `${m.author}|${m.clientId}`)).size).toBe(final.length);
    },
  );
});

const stores = [
  { name: "SQLite", env: (): Record<string, string> => ({}) },
  ...(process.env.MONGODB_URI
    ? [
        {
          name: "MongoDB",
          env: (): Record<string, string> => {
            const uri = new URL(process.env.MONGODB_URI ?? "");
            uri.pathname = `/burst_${randomUUID().slice(0, 8)}`;
            return { MONGODB_URI: uri.toString() };
          },
        },
      ]
    : []),
];

/** The customer message a bot or review reply answers: its clientId starts with "<conversation>:<seq>:". */
const answeredSeq = (m: Message) => Number(/^[^:]+:(\d+):/.exec(m.clientId ?? "")?.[1] ?? NaN);

describe.each(stores)("a crash mid-burst on $name", ({ env }) => {
  it(
    "ten customers each send three questions back to back, the server is killed 15-60 ms later, and after a restart every stored question is answered exactly once",
    { timeout: 180_000 },
    async () => {
      const dir = await dataDir();
      const storeEnv = env();
      const first = await start(dir, storeEnv);
      const customers = await Promise.all(Array.from({ length: 10 }, () => connectCustomer(first.target)));
      const questions = [
        "How long does standard delivery take?",
        "Do you ship to the UK?",
        "Which payment methods do you accept?",
      ];
      // The clock starts at the first acknowledgement: the server is storing the burst by then (the
      // MongoDB test double takes longer than 60 ms to store the first message).
      const firstStored = new Promise<void>((resolve) => {
        for (const [c, customer] of customers.entries())
          for (const [q, text] of questions.entries())
            customer.socket.emit("message:send", { clientId: `c${c}-q${q}`, text }, () => resolve());
      });
      await firstStored;
      await sleep(15 + Math.random() * 45);
      await first.server.kill("SIGKILL");

      const second = await start(dir, storeEnv);
      // Recovery at start-up had stored questions to answer: the kill landed mid-burst.
      for (let i = 0; i < 240 && !/"resumed":/.test(second.server.output()); i++) await sleep(250);
      expect(second.server.output()).toMatch(/"resumed":[1-9]/);
      const again = await Promise.all(customers.map((c) => connectCustomer(second.target, c)));
      const settled = async () => {
        const transcripts = await Promise.all(again.map((c) => customerTranscript(c)));
        const unanswered = transcripts.flatMap((t) =>
          t.filter(
            (m) => m.author === "customer" && !t.some((r) => r.author === "bot" && answeredSeq(r) === m.seq),
          ),
        );
        return { transcripts, unanswered };
      };
      let state = await settled();
      // The MongoDB test double scans every collection on every query: its recovery takes a while.
      for (let i = 0; i < 180 && state.unanswered.length > 0; i++) {
        await sleep(500);
        state = await settled();
      }
      expect(state.unanswered).toEqual([]);
      for (const transcript of state.transcripts) {
        const asked = transcript.filter((m) => m.author === "customer");
        const replies = transcript.filter((m) => m.author === "bot");
        // Exactly one reply per stored question, in the order they were asked.
        expect(replies.map(answeredSeq)).toEqual(asked.map((m) => m.seq));
        expect(new Set(asked.map((m) => m.clientId)).size).toBe(asked.length);
      }
    },
  );
});
