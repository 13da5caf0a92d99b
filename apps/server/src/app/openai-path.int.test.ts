import { describe, expect, it } from "vitest";
import { connectAgent, connectCustomer, customerTranscript, nextMessage, nextReview } from "../testing";
import { useFakeOpenAI } from "../testing/fake-model";

const fakeModel = useFakeOpenAI();
const start = () => fakeModel.start();

describe("the OpenAI-compatible model path", () => {
  it("a confident, well-sourced model answer is sent and cites the article; the prompt carried the article", async () => {
    fakeModel.model().reply({
      structured: {
        answer: "Standard delivery takes 2 to 4 business days within the US.",
        alternatives: [],
        sourceIds: ["shipping"],
        confidence: 0.95,
        reasoning: "The shipping article states the delivery time.",
        outOfScope: false,
        category: "shipping",
      },
    });
    const server = await start();
    const customer = await connectCustomer(server);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "How long does standard delivery take?",
    });
    const message = await reply;
    expect(message.text).toBe("Standard delivery takes 2 to 4 business days within the US.");
    expect(message.sources.map((s) => s.id)).toEqual(["shipping"]);
    const prompt = JSON.stringify(fakeModel.model().chatRequests()[0]);
    expect(prompt).toContain("We roast to order on weekdays");
  });

  it("a malformed model reply is never sent: the customer is handed to a person", async () => {
    fakeModel.model().reply({ structuredRaw: "{ this is not json" });
    const server = await start();
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const handoff = nextReview(agent.socket, "review:created");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "How long does standard delivery take?",
    });
    const review = await handoff;
    expect(review.kind).toBe("handoff");
    expect(review.kind === "handoff" && review.packet.routeReason).toBe("model_error");
    await server.platform.conversations.idle();
    expect((await customerTranscript(customer)).filter((m) => m.author === "bot")).toHaveLength(0);
  });

  it("a model slower than the timeout is treated as failed and routed to a person", async () => {
    fakeModel.model().reply({ delayMs: 5000, structured: { answer: "late" } });
    const server = await start();
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const handoff = nextReview(agent.socket, "review:created", () => true, 10_000);
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "How long does standard delivery take?",
    });
    const review = await handoff;
    expect(review.kind === "handoff" && review.packet.failureReason).toMatch(/model failed/i);
  });
});
