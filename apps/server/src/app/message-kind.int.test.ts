import { describe, expect, it } from "vitest";
import { connectAgent, connectCustomer, nextMessage, nextReview } from "../testing";
import { CONFIDENT_SHIPPING_ANSWER, useFakeOpenAI } from "../testing/fake-model";

const fakeModel = useFakeOpenAI();

/** Sends one customer message through a server whose model answers `structured`; resolves the first review or bot reply. */
async function route(text: string, structured: Record<string, unknown>) {
  fakeModel.model().reply({ structured: { ...CONFIDENT_SHIPPING_ANSWER, ...structured } });
  const server = await fakeModel.start();
  const agent = await connectAgent(server);
  const customer = await connectCustomer(server);
  const outcome = Promise.race([
    nextReview(agent.socket, "review:created").then((review) => ({ review, sent: null })),
    nextMessage(customer.socket, (m) => m.author === "bot").then((sent) => ({ review: null, sent })),
  ]);
  await customer.socket.emitWithAck("message:send", { clientId: "c1", text });
  return outcome;
}

describe("the model's reading of a message (kind and language) next to the risk rules", () => {
  it("a confident answer to a plain question the model reads as a question is sent", async () => {
    const { sent } = await route("How long does standard delivery take?", {
      kind: "question",
      language: "en",
    });
    expect(sent?.text).toBe(CONFIDENT_SHIPPING_ANSWER.answer);
  });

  it("an incident the rules miss but the model reads goes to a person, even with a confident answer", async () => {
    const { review } = await route("How long does standard delivery take?", {
      kind: "incident",
      language: "en",
    });
    expect(review?.kind).toBe("handoff");
    expect(review?.packet.riskFlags.map((f) => f.category)).toContain("incident");
  });

  it("a request to act the model reads goes to approval", async () => {
    const { review } = await route("How long does standard delivery take?", { kind: "action_request" });
    expect(review?.kind).toBe("approval");
    expect(review?.packet.riskFlags.map((f) => f.category)).toEqual(["action_request"]);
  });

  it("a model calling a request a question never takes the rule's flag away", async () => {
    const { review } = await route("Please cancel my order 4471 today.", {
      kind: "question",
      language: "en",
    });
    expect(review?.kind).toBe("approval");
    expect(review?.packet.riskFlags.map((f) => f.category)).toContain("cancellation");
  });

  it("a message in another language than the help center's is never sent alone, and the packet says which", async () => {
    const { review } = await route("Combien de temps prend la livraison standard ?", { kind: "question" });
    expect(review?.kind).toBe("approval");
    expect(review?.packet.language).toBe("fr");
    expect(review?.packet.riskFlags.map((f) => f.evidence)).toContain(
      "message in French (fr); help center in English (en)",
    );
  });

  it("a complaint or other message adds no flag of its own", async () => {
    const { sent } = await route("How long does standard delivery take?", {
      kind: "complaint",
      language: "en",
    });
    expect(sent?.text).toBe(CONFIDENT_SHIPPING_ANSWER.answer);
  });
});
