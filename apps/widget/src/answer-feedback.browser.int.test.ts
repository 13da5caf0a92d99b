import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectAgent,
  launchBrowser,
  nextReview,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { openWidget } from "./testing/widget-page";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

/**
 * A customer with a bot answer on screen and an agent in the console. Whether the bot sends the
 * answer at once or asks first is the routing's business, so the agent approves if asked.
 */
async function answered(question: string) {
  const widget = await openWidget(browser, `${server.url}/`);
  contexts.push(widget.context);
  const conversationId = await widget.conversationId();
  const agent = await connectAgent(server);
  const approve = (review: { conversationId: string; kind: string; id: string }) => {
    if (review.conversationId === conversationId && review.kind === "approval")
      void agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } });
  };
  agent.socket.on("review:created", approve);
  await widget.say(question);
  const answer = widget.chat.locator('.msg[data-author="bot"]').last();
  await answer.locator(".thumbs").waitFor({ timeout: 30_000 });
  agent.socket.off("review:created", approve);
  return { widget, agent, conversationId, answer };
}

describe("a customer's thumbs-down", () => {
  it("offers a person under the answer, and accepting puts a handoff in the inbox that quotes the answer", async () => {
    const { widget, agent, conversationId, answer } = await answered("How long does standard delivery take?");
    const answerText = (await answer.locator(".text").textContent()) ?? "";
    expect(await answer.locator(".thumb-offer").count()).toBe(0);

    await answer.getByRole("button", { name: "No, not helpful" }).click();
    const offer = answer.locator(".thumb-offer");
    await offer.getByText("Sorry that did not help.").waitFor();
    const handoff = nextReview(
      agent.socket,
      "review:created",
      (r) => r.conversationId === conversationId && r.kind === "handoff",
      30_000,
    );
    await offer.getByRole("button", { name: "Talk to a person" }).click();
    const review = await handoff;
    expect(review.status).toBe("pending");
    expect(review.packet.question).toBe(`The customer rated this answer unhelpful: "${answerText}"`);
    await widget.chat.getByTestId("status").filter({ hasText: "Connecting you to a person" }).waitFor();
    // A person is being fetched: the offer is gone.
    await offer.waitFor({ state: "detached" });
    agent.socket.disconnect();
  });

  it("a thumbs-up offers nothing", async () => {
    const { agent, answer } = await answered("How long does standard delivery take?");
    await answer.getByRole("button", { name: "Yes, helpful" }).click();
    await answer.getByText("Thanks for the feedback.").waitFor();
    expect(await answer.locator(".thumb-offer").count()).toBe(0);
    agent.socket.disconnect();
  });
});

describe("links in the chat", () => {
  it("a web address in an agent's reply is a link that opens safely; javascript: stays text", async () => {
    const widget = await openWidget(browser, `${server.url}/`);
    contexts.push(widget.context);
    const conversationId = await widget.conversationId();
    const agent = await connectAgent(server);
    const handoff = nextReview(
      agent.socket,
      "review:created",
      (r) => r.conversationId === conversationId && r.kind === "handoff",
      30_000,
    );
    await widget.chat.getByRole("button", { name: "Talk to a person" }).click();
    const review = await handoff;
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    const text = "Track it at https://track.example.com/p/42. Not javascript:alert(1) though.";
    const sent = await agent.socket.emitWithAck("message:send", { conversationId, clientId: "a1", text });
    expect(sent.ok).toBe(true);

    const message = widget.message("Track it at");
    await message.waitFor({ timeout: 30_000 });
    const link = message.getByRole("link", { name: "https://track.example.com/p/42" });
    expect(await link.getAttribute("href")).toBe("https://track.example.com/p/42");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await message.locator("a").count()).toBe(1);
    expect(await message.textContent()).toBe(text);
    agent.socket.disconnect();
  });
});
