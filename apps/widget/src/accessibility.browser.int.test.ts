import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  connectAgent,
  launchBrowser,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { LAUNCHER, openWidget } from "./testing/widget-page";

// The demo host page with embed.js against a real server; nobody is signed in to the console, so a
// request for a person is offered email capture at once.
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

const expectAccessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

async function widget() {
  const opened = await openWidget(browser, `${server.url}/`);
  contexts.push(opened.context);
  return opened;
}

describe("WCAG 2.2 AA in the widget (axe-core)", () => {
  it("the host page with the closed launcher has no violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("button", { name: LAUNCHER }).waitFor();
    await expectAccessible(page);
  });

  it("the open chat with an answer, its sources, thumbs and the offer after a thumbs-down has no violation", async () => {
    const { page, chat, say, conversationId } = await widget();
    await expectAccessible(page);
    // Whether the bot sends this answer at once or asks first is the routing's business: approve if asked.
    const agent = await connectAgent(server);
    const id = await conversationId();
    agent.socket.on("review:created", (review) => {
      if (review.conversationId === id && review.kind === "approval")
        void agent.socket.emitWithAck("review:decide", {
          reviewId: review.id,
          decision: { type: "approve" },
        });
    });
    await say("How long does standard delivery take?");
    await chat.locator('.msg[data-author="bot"] .thumbs').waitFor({ timeout: 30_000 });
    agent.socket.disconnect();
    await expectAccessible(page);
    await chat.getByRole("button", { name: "No, not helpful" }).click();
    await chat.locator(".thumb-offer").waitFor();
    await expectAccessible(page);
  });

  it("the email capture offered when nobody is free has no violation, before and after sending", async () => {
    const { page, chat } = await widget();
    await chat.getByRole("button", { name: "Talk to a person" }).click();
    const form = chat.getByRole("form", { name: "Nobody is free right now" });
    await form.waitFor({ timeout: 30_000 });
    await expectAccessible(page);
    await form.getByLabel("Your email").fill("ada@example.com");
    await form.getByRole("button", { name: "Notify me" }).click();
    await chat.getByText("Thanks! We will reply to ada@example.com.").waitFor({ timeout: 30_000 });
    await expectAccessible(page);
  });

  it("the offline notice has no violation", async () => {
    const { page, chat, context } = await widget();
    await context.setOffline(true);
    await chat.locator(".connection").filter({ hasText: "You are offline" }).waitFor();
    await expectAccessible(page);
    await context.setOffline(false);
  });

  it("text fields use at least 16 px, so iOS does not zoom the page when the customer types", async () => {
    const { chat } = await widget();
    const size = await chat.getByRole("textbox").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
  });
});
