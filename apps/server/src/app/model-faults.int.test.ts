import { describe, expect, it } from "vitest";
import type { Review } from "@handoff/contracts";
import { chatRequestText, type FakeChatReply } from "@handoff/core/testing";
import { connectAgent, connectCustomer, customerTranscript, nextMessage, nextReview } from "../testing";
import { CONFIDENT_SHIPPING_ANSWER, useFakeOpenAI } from "../testing/fake-model";

const fakeModel = useFakeOpenAI();

/** How the fake model fails, keyed by a marker word in the customer's question. */
const FAILURES: Record<string, FakeChatReply> = {
  slowly: { delayMs: 6000, structured: CONFIDENT_SHIPPING_ANSWER },
  crashing: { status: 500, message: "upstream exploded" },
  overloaded: { status: 503, message: "overloaded" },
  ratelimited: { status: 429, message: "rate limit reached" },
  garbage: { content: "lol I am not calling any function" },
  broken: { structuredRaw: '{"answer": "Standard delivery takes' },
  mistyped: { structured: { ...CONFIDENT_SHIPPING_ANSWER, confidence: "very", answer: 42 } },
  blank: { structured: { ...CONFIDENT_SHIPPING_ANSWER, answer: "   " } },
};

describe("a slow or failing model", () => {
  it(
    "never blocks other conversations and never sends anything: every failure goes to a person",
    { timeout: 30_000 },
    async () => {
      fakeModel.model().reply((body) => {
        const text = chatRequestText(body);
        const marker = Object.keys(FAILURES).find((m) => text.includes(`(${m})`));
        return marker
          ? (FAILURES[marker] ?? { structured: CONFIDENT_SHIPPING_ANSWER })
          : { structured: CONFIDENT_SHIPPING_ANSWER };
      });
      const server = await fakeModel.start({ timeoutMs: 3000 });
      const agent = await connectAgent(server);
      const handoffs = new Map<string, Review>();
      agent.socket.on("review:created", (review) => handoffs.set(review.conversationId, review));

      const failing = await Promise.all(Object.keys(FAILURES).map(() => connectCustomer(server)));
      const markers = Object.keys(FAILURES);
      await Promise.all(
        failing.map((customer, i) =>
          customer.socket.emitWithAck("message:send", {
            clientId: "q1",
            text: `How long does standard delivery take? (${markers[i]})`,
          }),
        ),
      );

      // Meanwhile a healthy conversation is answered, before the slow model has even timed out.
      const healthy = await connectCustomer(server);
      const answered = nextMessage(healthy.socket, (m) => m.author === "bot");
      await healthy.socket.emitWithAck("message:send", {
        clientId: "h1",
        text: "How long does standard delivery take?",
      });
      expect((await answered).text).toBe(CONFIDENT_SHIPPING_ANSWER.answer);
      const slowIndex = markers.indexOf("slowly");
      expect(handoffs.has(failing[slowIndex]?.conversationId ?? "")).toBe(false);

      const slowHandoff = nextReview(
        agent.socket,
        "review:created",
        (r) => r.conversationId === failing[slowIndex]?.conversationId,
        10_000,
      );
      await slowHandoff;
      await server.platform.conversations.idle();
      for (const [i, customer] of failing.entries()) {
        const review = handoffs.get(customer.conversationId);
        expect({ marker: markers[i], kind: review?.kind, reason: review?.packet.routeReason }).toEqual({
          marker: markers[i],
          kind: "handoff",
          reason: "model_error",
        });
        expect((await customerTranscript(customer)).filter((m) => m.author === "bot")).toEqual([]);
      }
    },
  );

  it("a model that keeps failing leaves the service answering nothing on its own, and the next healthy reply goes out", async () => {
    let healthy = false;
    fakeModel.model().reply(() => (healthy ? { structured: CONFIDENT_SHIPPING_ANSWER } : { status: 500 }));
    const server = await fakeModel.start({ timeoutMs: 2000 });
    const customers = await Promise.all([1, 2, 3].map(() => connectCustomer(server)));
    for (const customer of customers)
      await customer.socket.emitWithAck("message:send", {
        clientId: "q",
        text: "How long does standard delivery take?",
      });
    await server.platform.conversations.idle();
    for (const customer of customers)
      expect((await customerTranscript(customer)).filter((m) => m.author === "bot")).toEqual([]);
    // Retries are bounded: at most two calls per message, not a storm against a failing upstream.
    expect(fakeModel.model().chatRequests().length).toBeLessThanOrEqual(customers.length * 2);

    healthy = true;
    const next = await connectCustomer(server);
    const reply = nextMessage(next.socket, (m) => m.author === "bot");
    await next.socket.emitWithAck("message:send", {
      clientId: "q",
      text: "How long does standard delivery take?",
    });
    expect((await reply).text).toBe(CONFIDENT_SHIPPING_ANSWER.answer);
  });
});
