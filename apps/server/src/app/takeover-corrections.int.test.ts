import { describe, expect, it } from "vitest";
import { connectAgent, connectCustomer, nextMessage, nextReview, type TestServer } from "../testing";
import { useTestServers } from "../testing/test-servers";

const servers = useTestServers();

/** A customer whose first message hands them to a person, and the agent who claimed them. */
async function claimedHandoff(server: TestServer, firstMessage: string) {
  const agent = await connectAgent(server);
  const customer = await connectCustomer(server);
  const raised = nextReview(
    agent.socket,
    "review:created",
    (r) => r.conversationId === customer.conversationId,
  );
  await customer.socket.emitWithAck("message:send", { clientId: "q1", text: firstMessage });
  const review = await raised;
  expect(review.kind).toBe("handoff");
  expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
  await agent.socket.emitWithAck("conversation:open", { conversationId: customer.conversationId });
  let n = 0;
  return {
    customer,
    agent: (text: string) =>
      agent.socket.emitWithAck("message:send", {
        conversationId: customer.conversationId,
        clientId: `a${++n}`,
        text,
      }),
    ask: async (text: string) => {
      const heard = nextMessage(agent.socket, (m) => m.text === text);
      await customer.socket.emitWithAck("message:send", { clientId: `c${++n}`, text });
      await heard;
    },
  };
}

const corrections = async (server: TestServer) =>
  (await server.platform.store.corrections.list({ limit: 20 })).map((c) => [c.question, c.answer]);

describe("corrections from a takeover", () => {
  it("pair the question the customer asked after asking for a person with the agent's answer, not the greeting", async () => {
    const server = await servers.start();
    const chat = await claimedHandoff(server, "I want to talk to a person");
    await chat.agent("Hi, I'm Ada from the team. What happened?");
    expect(await corrections(server)).toEqual([]);
    await chat.ask("My order 5521 is three days late, where is it?");
    await chat.agent("Found it: it ships tomorrow with express delivery.");
    expect(await corrections(server)).toEqual([
      [
        "My order 5521 is three days late, where is it?",
        "Found it: it ships tomorrow with express delivery.",
      ],
    ]);
  });

  it("pair the question that caused the handoff with the agent's substantive answer, after a holding line", async () => {
    const server = await servers.start();
    const chat = await claimedHandoff(server, "Do you offer a student discount?");
    await chat.agent("Hello! Let me check that for you.");
    await chat.agent("We don't have a student discount, but subscribers save 15% on every bag.");
    expect(await corrections(server)).toEqual([
      [
        "Do you offer a student discount?",
        "We don't have a student discount, but subscribers save 15% on every bag.",
      ],
    ]);
  });

  it("are not made when it is unclear what the agent's message answers", async () => {
    const server = await servers.start();
    const chat = await claimedHandoff(server, "Can I speak with a human agent please");
    await chat.agent("Our roastery is open from 9 am on weekdays.");
    await chat.ask("Thanks!");
    await chat.agent("You're welcome, have a great day.");
    expect(await corrections(server)).toEqual([]);
  });
});
