import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import type { Message } from "@handoff/contracts";
import {
  api,
  connectAgent,
  launchBrowser,
  nextReview,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { LAUNCHER, openWidget, type WidgetPage } from "./testing/widget-page";

// Real server (temp SQLite, demo help center), real chromium, the demo host page that embeds embed.js.
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const poll = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  const dist = new URL("../dist/", import.meta.url);
  for (const file of ["embed.js", "index.html", "demo.html"])
    if (!existsSync(new URL(file, dist))) throw new Error(`dist/${file} is missing: run npm run build first`);
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

async function customer(): Promise<WidgetPage> {
  const widget = await openWidget(browser, `${server.url}/`);
  contexts.push(widget.context);
  return widget;
}

/** A customer who asked for a person and an agent who took the conversation (and follows it). */
async function liveChatWithAgent() {
  const widget = await customer();
  const conversationId = await widget.conversationId();
  const agent = await connectAgent(server);
  const handoff = nextReview(
    agent.socket,
    "review:created",
    (r) => r.conversationId === conversationId && r.kind === "handoff",
    30_000,
  );
  await widget.chat.getByRole("button", { name: "Talk to a person" }).click();
  await widget.chat.getByTestId("status").filter({ hasText: "Connecting you to a person" }).waitFor();
  const review = await handoff;
  const claimed = await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
  expect(claimed.ok).toBe(true);
  await agent.socket.emitWithAck("conversation:open", { conversationId, since: 0 });
  await widget.chat
    .getByTestId("status")
    .filter({ hasText: `${agent.user.name} is answering` })
    .waitFor();
  let n = 0;
  const reply = async (text: string) => {
    const sent = await agent.socket.emitWithAck("message:send", {
      conversationId,
      clientId: `a${++n}`,
      text,
    });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.data.message;
  };
  return { widget, agent, conversationId, reply };
}

/** A plain page on another origin (another port), as a customer's own site would host the script tag. */
async function hostSite(html: string) {
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

describe("the embedded chat widget on a host page", () => {
  it("answers a question with a link to the help-center article it used", async () => {
    const { chat, say, page } = await customer();
    await say("How long does standard delivery take?");
    const answer = chat.locator('.msg[data-author="bot"]').filter({ hasText: "business days" });
    await answer.waitFor({ timeout: 30_000 });
    const link = answer.getByRole("link", { name: "How long does delivery take?" });
    expect(await link.getAttribute("href")).toBe(`${server.url}/#help-shipping`);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await page.locator("#help-shipping").count()).toBe(1);
    await chat.getByTestId("status").filter({ hasText: "Our assistant is answering" }).waitFor();
  });

  it("says it is checking with a teammate while a risky reply waits, then shows the approved reply", async () => {
    const widget = await customer();
    const conversationId = await widget.conversationId();
    const agent = await connectAgent(server);
    const created = nextReview(
      agent.socket,
      "review:created",
      (r) => r.conversationId === conversationId,
      30_000,
    );
    await widget.say("Please cancel my subscription today.");
    await widget.chat
      .getByTestId("status")
      .filter({ hasText: "Checking with a teammate" })
      .waitFor({ timeout: 30_000 });
    const review = await created;
    if (review.kind !== "approval") throw new Error(`expected an approval, got ${review.kind}`);
    const decided = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(decided.ok).toBe(true);
    await widget.chat
      .locator('.msg[data-author="bot"] .text', { hasText: review.packet.draft.text })
      .waitFor({ timeout: 30_000 });
    await widget.chat.getByTestId("status").filter({ hasText: "Our assistant is answering" }).waitFor();
  });

  it("shows the queue while connecting to a person, then the agent's name and reply", async () => {
    const { widget, agent, reply } = await liveChatWithAgent();
    await widget.message(`${agent.user.name} from our team has joined the conversation.`).waitFor();
    await reply("Hi, this is the roastery team. How can I help?");
    await widget.message("Hi, this is the roastery team. How can I help?").waitFor();
    // A person is answering: the button to ask for one is gone.
    expect(await widget.chat.getByRole("button", { name: "Talk to a person" }).count()).toBe(0);
  });

  it("offers to leave an email at once when no agent is online, and agents see the address", async () => {
    const quiet = await startTestServer();
    try {
      const widget = await openWidget(browser, `${quiet.url}/`);
      contexts.push(widget.context);
      const conversationId = await widget.conversationId();
      await widget.chat.getByRole("button", { name: "Talk to a person" }).click();
      const form = widget.chat.getByRole("form", { name: "Nobody is free right now" });
      await form.waitFor({ timeout: 30_000 });
      await form.getByLabel("Your email").fill("ada@example.com");
      await form.getByRole("button", { name: "Notify me" }).click();
      await widget.chat.getByText("Thanks! We will reply to ada@example.com.").waitFor({ timeout: 30_000 });
      const agent = await connectAgent(quiet);
      const opened = await agent.socket.emitWithAck("conversation:open", { conversationId, since: 0 });
      expect(opened.ok && opened.data.conversation.customer.email).toBe("ada@example.com");
    } finally {
      await quiet.dispose();
    }
  });

  it("brings the whole conversation back after a page reload", async () => {
    const { widget, reply } = await liveChatWithAgent();
    await widget.say("My grinder arrived broken.");
    await reply("Sorry to hear that! I will send a new one today.");
    await widget.message("I will send a new one today.").waitFor();
    const before = await widget.transcript();
    expect(before.length).toBeGreaterThanOrEqual(4);

    await widget.page.reload();
    await widget.page.getByRole("button", { name: LAUNCHER }).click();
    await expect.poll(() => widget.transcript(), poll).toEqual(before);
  });

  it("starts a new, empty conversation when a supervisor erases the customer's data mid-chat", async () => {
    const widget = await customer();
    const erased = await widget.conversationId();
    await widget.say("How long does standard delivery take?");
    await widget.chat.locator('.msg[data-author="bot"]').filter({ hasText: "business days" }).waitFor(poll);

    const login = await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR);
    const res = await api(
      server,
      "POST",
      "/api/privacy/erase",
      { customer: { conversationId: erased }, confirm: true },
      login.body.token,
    );
    expect(res.status).toBe(200);

    await expect.poll(() => widget.conversationId(), poll).not.toBe(erased);
    await expect.poll(() => widget.transcript(), poll).toEqual([]);
    await widget.say("Do you ship to Canada?");
    await widget.chat.locator('.msg[data-author="bot"]').first().waitFor(poll);
  });

  it("loses nothing and doubles nothing when the network drops while both sides write", async () => {
    const { widget, agent, conversationId, reply } = await liveChatWithAgent();
    const seenByAgent: Message[] = [];
    agent.socket.on("message:new", (m) => seenByAgent.push(m));

    await widget.context.setOffline(true);
    await widget.chat.locator(".connection").filter({ hasText: "You are offline" }).waitFor();
    await reply("First: your order left the roastery.");
    await reply("Second: here is the tracking link.");
    await widget.say("Thanks, I am on a train, the signal is bad.");
    await widget.chat.locator(".pending-state").filter({ hasText: "Waiting to send" }).waitFor();

    await widget.context.setOffline(false);
    await widget.message("Second: here is the tracking link.").waitFor({ timeout: 30_000 });
    await expect.poll(() => widget.chat.locator('[data-pending="true"]').count(), poll).toBe(0);

    const texts = [
      "First: your order left the roastery.",
      "Second: here is the tracking link.",
      "Thanks, I am on a train, the signal is bad.",
    ];
    const shown = await widget.transcript();
    for (const text of texts) expect(shown.filter((t) => t === text)).toHaveLength(1);
    expect(shown.indexOf(texts[0] ?? "")).toBeLessThan(shown.indexOf(texts[1] ?? ""));

    // The server stored the customer's message once, and the agent received it once.
    const stored = await server.platform.store.messages.listSince(conversationId, 0, 1000);
    for (const text of texts) expect(stored.filter((m) => m.text === text)).toHaveLength(1);
    await expect.poll(() => seenByAgent.filter((m) => m.text === texts[2]).length, poll).toBe(1);
    const agentView = await agent.socket.emitWithAck("conversation:open", { conversationId, since: 0 });
    if (!agentView.ok) throw new Error(agentView.error.message);
    for (const text of texts) expect(agentView.data.messages.filter((m) => m.text === text)).toHaveLength(1);
  });

  it("shows a message containing HTML as plain text", async () => {
    const { widget, reply } = await liveChatWithAgent();
    const html = "<img src=x onerror=window.__xss=1>";
    await widget.say(html);
    await reply("<b>bold?</b> <script>window.__xss=2</script>");
    await widget.message("<b>bold?</b> <script>window.__xss=2</script>").waitFor();
    await expect.poll(() => widget.chat.locator('[data-pending="true"]').count(), poll).toBe(0);
    expect(await widget.chat.locator('.msg[data-author="customer"] .text').last().textContent()).toBe(html);
    expect(await widget.chat.locator(".messages img, .messages b, .messages script").count()).toBe(0);
    const frame = widget.page.frames().find((f) => f.url().includes("/widget/"));
    expect(await frame?.evaluate(() => "__xss" in window)).toBe(false);
    expect(await widget.page.evaluate(() => "__xss" in window)).toBe(false);
  });

  it("is operable with the keyboard alone and closes with Escape", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    contexts.push(context);
    await page.goto(`${server.url}/`);
    const launcher = page.getByRole("button", { name: LAUNCHER });
    await launcher.focus();
    await page.keyboard.press("Enter");
    expect(await launcher.getAttribute("aria-expanded")).toBe("true");
    const chat = page.frameLocator(`iframe[title="${LAUNCHER}"]`);
    await expect
      .poll(() => chat.getByRole("textbox").evaluate((el) => el === document.activeElement), poll)
      .toBe(true);
    await page.keyboard.type("Do you ship outside the US?");
    await page.keyboard.press("Enter");
    await chat.locator('.msg[data-author="customer"]').filter({ hasText: "outside the US" }).waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => launcher.getAttribute("aria-expanded"), poll).toBe("false");
    await expect.poll(() => launcher.evaluate((el) => el.matches(":focus")), poll).toBe(true);
  });

  it("announces new replies in a live region and tells the site's identify() to the server", async () => {
    const widget = await customer();
    const conversationId = await widget.conversationId();
    await widget.page.evaluate(() =>
      window.HandoffDesk?.identify({ name: "Ada Lovelace", email: "ada@example.com" }),
    );
    await expect
      .poll(async () => (await server.platform.store.conversations.get(conversationId))?.customer.name, poll)
      .toBe("Ada Lovelace");
    await widget.say("Which payment methods do you accept?");
    const live = widget.chat.locator('[role="status"][aria-live="polite"]');
    await expect.poll(() => live.first().textContent(), poll).toMatch(/^New message from .*Visa/);
  });

  it("works on another site's origin, opened from the site's own button through window.HandoffDesk", async () => {
    // A second origin (another port) hosting a plain page with the script tag, as a customer's site would.
    const html = `<!doctype html><html lang="en"><body><h1>Another shop</h1>
      <button id="help" onclick="HandoffDesk.open()">Help</button>
      <script src="${server.url}/widget/embed.js" data-title="Shop help" data-accent="#ffd54f"></script>
      </body></html>`;
    const site = await hostSite(html);
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(site.url);
      await page.locator("#help").click();
      const chat = page.frameLocator('iframe[title="Shop help (chat)"]');
      const box = chat.getByRole("textbox");
      await box.fill("Which payment methods do you accept?");
      await box.press("Enter");
      await chat.locator('.msg[data-author="bot"]').filter({ hasText: "Visa" }).waitFor({ timeout: 30_000 });
      // The chat is cross-origin: the site cannot reach into it.
      const reach = await page.evaluate(() => {
        const frame = document.querySelector("#handoff-desk")?.shadowRoot?.querySelector("iframe");
        try {
          return frame?.contentDocument ? "readable" : "blocked";
        } catch {
          return "blocked";
        }
      });
      expect(reach).toBe("blocked");
    } finally {
      site.server.close();
    }
  });

  it("a French customer reads the handoff and joined notices in French, stored as kinds", async () => {
    const site = await hostSite(`<!doctype html><html lang="fr"><body><h1>Boutique</h1>
      <button id="aide" onclick="HandoffDesk.open()">Aide</button>
      <script src="${server.url}/widget/embed.js" data-title="Boutique"></script>
      </body></html>`);
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(site.url);
      await page.locator("#aide").click();
      const chat = page.frameLocator('iframe[title="Boutique (chat)"]');
      const agent = await connectAgent(server);
      const handoff = nextReview(agent.socket, "review:created", (r) => r.kind === "handoff", 30_000);
      await chat.getByRole("button", { name: "Parler à une personne" }).click();
      const notices = chat.locator('.msg[data-author="system"] .text');
      await notices
        .filter({ hasText: "Je vous mets en relation avec une personne de notre équipe." })
        .waitFor({ timeout: 30_000 });
      // Stored as a kind with no sentence: the widget wrote the French.
      const review = await handoff;
      const stored = await server.platform.store.messages.listRecent(review.conversationId, 10);
      expect(stored.find((m) => m.author === "system")).toMatchObject({
        text: "",
        notice: { kind: "handoff.connecting" },
      });
      expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
      await notices
        .filter({ hasText: `${agent.user.name}, de notre équipe, a rejoint la conversation.` })
        .waitFor({ timeout: 30_000 });
      expect(await notices.filter({ hasText: "from our team" }).count()).toBe(0);
    } finally {
      site.server.close();
    }
  });
});
