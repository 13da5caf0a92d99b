import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SUPERVISOR,
  customerTranscript,
  launchBrowser,
  nextConversation,
  nextMessage,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import {
  SCREENSHOTS,
  customerSays,
  ensureBuilt,
  handoffArrives as sharedHandoffArrives,
  namedCustomer,
  nextTyping,
  openConsole,
  row,
  showTab,
  signIn,
  type Customer,
} from "./testing/console-page";

const RISKY = "Please cancel my subscription today.";
const WANTS_PERSON = "Can I speak with a human agent please";
const WAIT = 30_000;

let server: TestServer;
let browser: Browser;
let alex: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
  alex = await openConsole(browser, server);
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A customer whose risky request waits for approval, seen arriving in the open console. */
async function riskyQuestionArrives(page: Page, name: string) {
  await showTab(page, /Awaiting approval/);
  const customer = await namedCustomer(server, name);
  await customerSays(customer, RISKY, "q1");
  const item = row(page, customer.conversationId);
  await item.waitFor();
  await expect(item.textContent()).resolves.toContain(name);
  return { customer, item };
}

async function approvalOf(conversationId: string) {
  const reviews = await server.platform.store.reviews.listByConversation(conversationId);
  const review = reviews.find((r) => r.kind === "approval");
  if (review?.kind !== "approval") throw new Error("no approval review");
  return review;
}

/** A customer who asked for a person, seen arriving in the "waiting for a human" tab. */
const handoffArrives = (page: Page, name: string, text = WANTS_PERSON) =>
  sharedHandoffArrives(server, page, name, text);

async function claim(page: Page, customer: Customer) {
  const joined = nextConversation(customer.socket, (c) => c.status === "human", WAIT);
  await page.getByRole("button", { name: "Claim conversation" }).click();
  await page.getByText("You are handling this conversation.").waitFor();
  await joined;
}

describe("approving a risky draft in the console", () => {
  it("a risky question arrives while the page is open, the agent sees why, approves, and the customer gets the draft", async () => {
    const { page } = alex;
    const { customer, item } = await riskyQuestionArrives(page, "Ada Approve");
    await expect(item.textContent()).resolves.toMatch(/Risk rule: Cancellation/);
    const review = await approvalOf(customer.conversationId);

    await item.getByRole("button").click();
    const detail = page.locator("#detail");
    await detail.getByRole("heading", { name: "Ada Approve" }).waitFor();
    await detail.locator(".question-text", { hasText: RISKY }).waitFor();
    await detail.getByText(review.packet.draft.text).first().waitFor();
    await detail.getByText("confidence", { exact: true }).waitFor();
    // Every part of the confidence is shown, the precedent (an approved correction's question like this one) too.
    const precedent = review.packet.confidence.parts.precedent;
    if (precedent === undefined) throw new Error("the packet's confidence has no precedent part");
    await detail.getByRole("meter", { name: `Precedent: ${Math.round(precedent * 100)}%` }).waitFor();
    await detail.getByText("forces approval").waitFor();
    await expect(detail.locator(".packet-language").textContent()).resolves.toBe(
      "Customer wrote in English (en)",
    );
    const cited = review.packet.draft.sources[0];
    if (!cited) throw new Error("the draft cites nothing");
    const link = detail.getByRole("link", { name: cited.title }).first();
    await expect(link.getAttribute("href")).resolves.toBe(new URL(`/#help-${cited.id}`, page.url()).href);
    if (review.packet.alternatives.length > 0) {
      await detail.getByRole("button", { name: "Send alternative 1 instead" }).waitFor();
    }
    await expect(page.title()).resolves.toMatch(/^\(\d+( new)?\) Handoff Desk console$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-approval.png") });

    const sent = nextMessage(customer.socket, (m) => m.author === "bot", WAIT);
    await detail.getByRole("button", { name: /Approve and send/ }).click();
    expect((await sent).text).toBe(review.packet.draft.text);
    await item.waitFor({ state: "detached" });
    const decided = await approvalOf(customer.conversationId);
    expect(decided.decision).toEqual({ type: "approve" });
  });

  it("the agent edits the draft in place with the keyboard and the customer gets exactly the edited text, in the agent's name", async () => {
    const { page } = alex;
    const { customer, item } = await riskyQuestionArrives(page, "Eddie Edit");
    await item.getByRole("button").click();
    await page.locator("#detail").getByRole("heading", { name: "Eddie Edit" }).focus();

    await page.keyboard.press("e");
    const editor = page.getByLabel("Edit the reply before sending");
    await expect(editor.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const edited = "I have cancelled your subscription; you will not be charged again. Anything else?";
    await editor.fill(edited);
    const sent = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await page.keyboard.press("Control+Enter");
    const message = await sent;
    expect(message.text).toBe(edited);
    // Like a rejection's replacement, the edited words are the agent's and go out under their name.
    expect(message.authorName).toBe("Alex Agent");
    await item.waitFor({ state: "detached" });
    expect((await approvalOf(customer.conversationId)).decision).toEqual({ type: "edit", text: edited });
  });

  it("the agent rejects the draft with a reason and their own reply, and the customer gets only that reply", async () => {
    const { page } = alex;
    const { customer, item } = await riskyQuestionArrives(page, "Rita Reject");
    const draft = (await approvalOf(customer.conversationId)).packet.draft.text;
    await item.getByRole("button").click();
    const detail = page.locator("#detail");
    await detail.getByRole("heading", { name: "Rita Reject" }).waitFor();

    await detail.getByRole("button", { name: /Reject/ }).click();
    await page.getByLabel("Why is the draft wrong?").fill("We never cancel without confirming the account.");
    const reply = "Happy to help. Could you confirm the email on the subscription first?";
    await page.getByLabel("Your reply to the customer (optional)").fill(reply);
    const sent = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await detail.getByRole("button", { name: "Reject and send my reply" }).click();
    const message = await sent;
    expect(message.text).toBe(reply);
    expect(message.authorName).toBe("Alex Agent");
    await item.waitFor({ state: "detached" });

    const texts = (await customerTranscript(customer)).map((m) => m.text);
    expect(texts).toContain(reply);
    expect(texts).not.toContain(draft);
    expect((await approvalOf(customer.conversationId)).decision).toEqual({
      type: "reject",
      reason: "We never cancel without confirming the account.",
      replacement: reply,
    });
  });

  it("two viewed drafts of the same kind are approved together in one batch", async () => {
    const { page } = alex;
    const first = await riskyQuestionArrives(page, "Bea Batch");
    const second = await riskyQuestionArrives(page, "Bo Batch");
    const firstBox = first.item.getByRole("checkbox");
    await expect(firstBox.isDisabled()).resolves.toBe(true);

    for (const { item } of [first, second]) {
      await item.getByRole("button").click();
      await page.locator("#detail .draft-section").waitFor();
      await item.getByRole("checkbox").check();
    }
    const sentFirst = nextMessage(first.customer.socket, (m) => m.author === "bot", WAIT);
    const sentSecond = nextMessage(second.customer.socket, (m) => m.author === "bot", WAIT);
    await page.getByRole("button", { name: "Approve 2 selected" }).click();
    await Promise.all([sentFirst, sentSecond]);
    await page.getByText("2 drafts approved and sent").waitFor();
    await first.item.waitFor({ state: "detached" });
    await second.item.waitFor({ state: "detached" });
  });

  it("the agent works the queue with the keyboard alone: next item, approve, and the next one opens", async () => {
    const { page } = alex;
    const first = await riskyQuestionArrives(page, "Kai Keys");
    const second = await riskyQuestionArrives(page, "Kim Keys");
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement) active.blur();
    });

    await page.keyboard.press("j");
    const heading = page.locator("#detail-title");
    await heading.filter({ hasText: "Kai Keys" }).waitFor();
    await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const sentFirst = nextMessage(first.customer.socket, (m) => m.author === "bot", WAIT);
    await page.keyboard.press("a");
    await sentFirst;

    await heading.filter({ hasText: "Kim Keys" }).waitFor();
    await page
      .locator("#detail")
      .getByRole("button", { name: /Approve and send/ })
      .waitFor();
    const sentSecond = nextMessage(second.customer.socket, (m) => m.author === "bot", WAIT);
    await page.keyboard.press("a");
    await sentSecond;
    await second.item.waitFor({ state: "detached" });
  });

  it("taking over a draft turns it into a live chat held by the agent", async () => {
    const { page } = alex;
    const { customer, item } = await riskyQuestionArrives(page, "Theo Takeover");
    await item.getByRole("button").click();
    const joined = nextConversation(customer.socket, (c) => c.status === "human", WAIT);
    await page
      .locator("#detail")
      .getByRole("button", { name: /Take over/ })
      .click();
    expect((await joined).assigneeName).toBe("Alex Agent");
    await page.getByText("You are handling this conversation.").waitFor();
    await expect(page.getByRole("tab", { name: /Mine/ }).getAttribute("aria-selected")).resolves.toBe("true");

    const toCustomer = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await page.getByLabel("Reply to the customer").fill("Hi Theo, I'll handle the cancellation myself.");
    await page.getByRole("button", { name: "Send reply" }).click();
    expect((await toCustomer).text).toBe("Hi Theo, I'll handle the cancellation myself.");
    await page.getByRole("button", { name: "Resolve" }).click();
    await page.locator("#detail .status", { hasText: "Resolved" }).waitFor();
  });
});

describe("live handoff in the console", () => {
  it("one of two agents claims a handoff and the other sees who took it", async () => {
    const { customer, item } = await handoffArrives(alex.page, "Clara Claim");
    await showTab(sam.page, /Waiting for a human/);
    const samRow = row(sam.page, customer.conversationId);
    await samRow.getByRole("button").click();
    await sam.page.getByRole("button", { name: "Claim conversation" }).waitFor();

    await item.getByRole("button").click();
    await alex.page.locator("#detail").getByText("Why the bot handed over").waitFor();
    await alex.page.keyboard.press("c");
    await alex.page.getByText("You are handling this conversation.").waitFor();

    await sam.page.locator(".claim-banner", { hasText: "Taken by Alex Agent" }).waitFor();
    await expect(sam.page.getByRole("button", { name: "Claim conversation" }).count()).resolves.toBe(0);
    await samRow.waitFor({ state: "detached" });
    await showTab(alex.page, /Mine/);
    await row(alex.page, customer.conversationId).waitFor();
  });

  it("agent and customer chat live both ways, with typing indicators and an internal note the customer never sees", async () => {
    const { page } = alex;
    const { customer, item } = await handoffArrives(page, "Lena Live");
    await item.getByRole("button").click();
    await claim(page, customer);

    const composer = page.getByLabel("Reply to the customer");
    const agentTyping = nextTyping(customer, true);
    await composer.pressSequentially("Hi Lena, I'm here. ");
    expect((await agentTyping).name).toBe("Alex Agent");
    const toCustomer = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await composer.pressSequentially("What can I do for you?");
    await composer.press("Enter");
    expect((await toCustomer).text).toBe("Hi Lena, I'm here. What can I do for you?");

    customer.socket.emit("typing:set", { typing: true });
    await page.getByText("The customer is typing…").waitFor();
    await customerSays(customer, "My grinder arrived broken.", "c2");
    await page.locator(".transcript .msg-customer", { hasText: "My grinder arrived broken." }).waitFor();
    await page.getByText("The customer is typing…").waitFor({ state: "detached" });

    await page.getByLabel("Internal note", { exact: true }).check();
    await page.getByLabel("Write an internal note").fill("Check the courier's damage report.");
    await page.getByRole("button", { name: "Add note" }).click();
    await page.locator(".msg-internal", { hasText: "Check the courier's damage report." }).waitFor();

    await page.getByLabel("Internal note", { exact: true }).uncheck();
    await composer.fill("Sorry to hear that! I'm sending a replacement today.");
    await composer.press("Enter");
    await page.locator(".msg-agent", { hasText: "sending a replacement today" }).waitFor();
    await showTab(page, /Mine/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-takeover.png") });

    await server.platform.conversations.idle();
    const transcript = await customerTranscript(customer);
    const texts = transcript.map((m) => m.text);
    expect(texts).toContain("Sorry to hear that! I'm sending a replacement today.");
    expect(texts).not.toContain("Check the courier's damage report.");
    expect(transcript.filter((m) => m.author === "bot")).toHaveLength(0);
  });

  it("handing back returns the conversation to the bot, which answers the customer again", async () => {
    const { page } = alex;
    const { customer, item } = await handoffArrives(page, "Hank Handback");
    await item.getByRole("button").click();
    await claim(page, customer);

    const back = nextConversation(customer.socket, (c) => c.status === "bot", WAIT);
    await page.getByRole("button", { name: "Hand back to bot" }).click();
    await back;
    await page.locator("#detail .status", { hasText: "With the bot" }).waitFor();

    const answer = nextMessage(customer.socket, (m) => m.author === "bot", WAIT);
    await customerSays(customer, "How long does standard delivery take?", "c3");
    expect((await answer).text).toMatch(/business days/);
  });
});

describe("text from customers is never markup", () => {
  it("a message containing an <img onerror> is shown as literal text and runs nothing", async () => {
    const { page } = alex;
    const attack = `${WANTS_PERSON} <img src=x onerror=window.__xss=1>`;
    const { customer, item } = await handoffArrives(page, "Mallory <b>Markup</b>", attack);
    await item.getByRole("button").click();
    await claim(page, customer);
    const script = "<script>window.__xss=2</script><img src=y onerror=window.__xss=3>";
    await customerSays(customer, script, "c2");

    const transcript = page.locator("#detail .transcript");
    await transcript.getByText(attack, { exact: true }).waitFor();
    await transcript.getByText(script, { exact: true }).waitFor();
    await page.locator("#detail").getByRole("heading", { name: "Mallory <b>Markup</b>" }).waitFor();
    await expect(page.locator("#detail img, .inbox img").count()).resolves.toBe(0);
    await expect(page.evaluate(() => Reflect.get(window, "__xss"))).resolves.toBeUndefined();
  });
});

describe("signing in", () => {
  it("a session survives a reload, shows the role, and signing out ends it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await signIn(page, SUPERVISOR);
    await page.getByText("Supervisor", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await page.getByText("Sam Supervisor").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    await context.close();
  });

  it("the pages raised no script errors", () => {
    expect([...alex.errors, ...sam.errors]).toEqual([]);
  });
});
