import { createHmac, randomUUID } from "node:crypto";
import { vi } from "vitest";
import { VisitorSession, type CustomerProfile, type Message } from "@handoff/contracts";
import {
  api,
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextReview,
  type TestServer,
} from "@handoff/server/testing";

/** The secret the search tests' server checks identify() signatures with. */
export const IDENTITY_SECRET = "search-test-identity-secret";

const DAY = 86_400_000;

/** A widget session as the page's identify() opens it: a signed site user id, a name and an email. */
async function identifiedCustomer(server: TestServer, customer: CustomerProfile, userId: string) {
  const signature = createHmac("sha256", IDENTITY_SECRET).update(userId).digest("hex");
  const res = await api(server, "POST", "/api/visitor", { customer, identity: { userId, signature } });
  const session = VisitorSession.parse(res.body);
  if (!session.identified) throw new Error("the identity was not accepted");
  return connectCustomer(server, session);
}

/** A customer without identify(), who typed their name and email. */
async function typedCustomer(server: TestServer, customer: CustomerProfile) {
  return connectCustomer(
    server,
    VisitorSession.parse((await api(server, "POST", "/api/visitor", { customer })).body),
  );
}

type Customer = Awaited<ReturnType<typeof connectCustomer>>;

async function says(customer: Customer, text: string, clientId: string) {
  const ack = await customer.socket.emitWithAck("message:send", { clientId, text });
  if (!ack.ok) throw new Error(ack.error.message);
}

/** The customer asks for a person and the agent claims the chat; returns the agent's socket. */
async function claimedHandoff(server: TestServer, customer: Customer, text: string) {
  const agent = await connectAgent(server);
  const created = nextReview(
    agent.socket,
    "review:created",
    (r) => r.conversationId === customer.conversationId,
  );
  await says(customer, text, randomUUID());
  const review = await created;
  if (review.kind !== "handoff") throw new Error(`expected a handoff for "${text}", got ${review.kind}`);
  const claimed = await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
  if (!claimed.ok) throw new Error(claimed.error.message);
  return agent;
}

const botAnswer = (messages: Message[]) => messages.find((m) => m.author === "bot" && m.sources.length > 0);

/**
 * The conversations the search tests look for, each made the way the product makes it:
 * - `adaFirst`: Ada (identify(): site user 42) asked about delivery, gave the bot's answer a thumbs up,
 *   asked for a person, was helped by Alex Agent and rated the conversation 4 with a comment (resolved);
 * - `adaSecond`: Ada again, later, same identity: her grinder arrived broken; Alex holds it (human);
 * - `grace`: Grace typed her name and email and asked where her parcel is;
 * - `olga`: a conversation that started ten days ago.
 */
export async function seedSearch(server: TestServer) {
  const ada = { name: "Ada Lovelace", email: "ada@example.com" };
  const first = await identifiedCustomer(server, ada, "42");
  await says(first, "How long does standard delivery take?", "d1");
  await server.platform.conversations.idle();
  const answer = botAnswer(await customerTranscript(first));
  if (!answer) throw new Error("the bot did not answer the delivery question");
  const thumb = await first.socket.emitWithAck("feedback:rate", { messageId: answer.id, rating: "up" });
  if (!thumb.ok) throw new Error(thumb.error.message);
  const alex = await claimedHandoff(server, first, "Can I speak with a human agent please");
  const resolved = await alex.socket.emitWithAck("handoff:release", {
    conversationId: first.conversationId,
    outcome: "resolved",
  });
  if (!resolved.ok) throw new Error(resolved.error.message);
  const rated = await first.socket.emitWithAck("conversation:rate", { score: 4, comment: "Quick and kind" });
  if (!rated.ok) throw new Error(rated.error.message);

  const second = await identifiedCustomer(server, ada, "42");
  await claimedHandoff(server, second, "My grinder arrived broken, can a person look at it?");

  const grace = await typedCustomer(server, { name: "Grace Hopper", email: "grace@example.com" });
  await says(grace, "Where is my parcel?", "g1");
  await server.platform.conversations.idle();

  // Only Date is faked, and only while the store stamps the conversation.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - 10 * DAY);
  let olga: string;
  try {
    olga = (
      await server.platform.store.conversations.create({
        id: randomUUID(),
        customer: { name: "Olga Early", email: "olga@example.com" },
      })
    ).id;
  } finally {
    vi.useRealTimers();
  }
  for (const socket of [first.socket, second.socket, grace.socket, alex.socket]) socket.disconnect();
  return {
    adaFirst: first.conversationId,
    adaSecond: second.conversationId,
    grace: grace.conversationId,
    olga,
  };
}

/** A day as a date field takes it (yyyy-mm-dd, the browser's time zone), `days` from today. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
