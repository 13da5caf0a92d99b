import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SUPERVISOR,
  accessibilityViolations,
  launchBrowser,
  nextConversation,
  nextMessage,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import {
  customerSays,
  ensureBuilt,
  handoffArrives,
  namedCustomer,
  openConsole,
  row,
  showTab,
} from "./testing/console-page";

const WAIT = 30_000;
let server: TestServer;
let browser: Browser;
let alex: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
  alex = await openConsole(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const openSavedReplies = (page: Page) => page.getByRole("link", { name: "Saved replies" }).click();

async function addReply(
  page: Page,
  reply: { shortcut: string; title: string; text: string; onlyMe?: boolean },
) {
  const form = page.getByRole("form", { name: "New saved reply" });
  await form.getByLabel("Shortcut").fill(reply.shortcut);
  await form.getByLabel("Title").fill(reply.title);
  await form.getByLabel("Text").fill(reply.text);
  if (reply.onlyMe) await form.getByLabel("Only me").check();
  await form.getByRole("button", { name: "Add saved reply" }).click();
  await page.locator(".saved-reply", { hasText: `/${reply.shortcut}` }).waitFor();
}

describe("saved replies in the console", () => {
  it("a supervisor writes a team reply and an agent keeps one of their own; each sees what they should", async () => {
    await openSavedReplies(sam.page);
    await addReply(sam.page, {
      shortcut: "refund",
      title: "Refund policy",
      text: "Hi {{customer.first_name}}, refunds reach your card within 5 days. {{agent.name}}",
    });
    await expect(accessibilityViolations(sam.page)).resolves.toEqual([]);

    await openSavedReplies(alex.page);
    await alex.page.locator(".saved-reply", { hasText: "/refund" }).waitFor();
    // The team's replies are not the agent's to change.
    await expect(alex.page.getByRole("button", { name: "Edit /refund" }).count()).resolves.toBe(0);
    await expect(alex.page.getByLabel("The whole team (supervisors only)").isDisabled()).resolves.toBe(true);
    await addReply(alex.page, {
      shortcut: "bye",
      title: "Sign-off",
      text: "Have a lovely day!",
      onlyMe: true,
    });
    await alex.page.getByRole("button", { name: "Edit /bye" }).waitFor();

    await sam.page.reload();
    await sam.page.locator(".saved-reply", { hasText: "/refund" }).waitFor();
    await expect(sam.page.locator(".saved-reply", { hasText: "/bye" }).count()).resolves.toBe(0);
  });

  it("in a live chat, / and a few letters offer the reply and Enter inserts it with the customer's name", async () => {
    const { page } = alex;
    await page.evaluate(() => {
      window.location.hash = "#/inbox";
    });
    const { customer, item } = await handoffArrives(server, page, "Ada Lovelace");
    await item.getByRole("button").click();
    const joined = nextConversation(customer.socket, (c) => c.status === "human", WAIT);
    await page.getByRole("button", { name: "Claim conversation" }).click();
    await joined;

    const composer = page.getByLabel("Reply to the customer");
    await composer.pressSequentially("Sure! /ref");
    const picker = page.getByRole("listbox", { name: "Saved replies" });
    await picker.getByRole("option", { name: /\/refund/ }).waitFor();
    await expect(composer.getAttribute("aria-activedescendant")).resolves.toBeTruthy();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await composer.press("Enter");
    await picker.waitFor({ state: "detached" });
    const filled = "Sure! Hi Ada, refunds reach your card within 5 days. Alex Agent";
    await expect(composer.inputValue()).resolves.toBe(filled);

    const sent = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await composer.press("Enter");
    expect((await sent).text).toBe(filled);
  });

  it("in the edit box of an approval, /bye and Tab insert the agent's own reply; Escape only closes the list", async () => {
    const { page } = alex;
    await showTab(page, /Awaiting approval/);
    const customer = await namedCustomer(server, "Eve Edit");
    await customerSays(customer, "Please cancel my subscription today.", "q1");
    const item = row(page, customer.conversationId);
    await item.getByRole("button").click();
    await page.locator("#detail").getByRole("button", { name: /^Edit/ }).click();
    const editor = page.getByLabel("Edit the reply before sending");
    await editor.fill("");
    await editor.pressSequentially("/by");
    const picker = page.getByRole("listbox", { name: "Saved replies" });
    await picker.getByRole("option", { name: /\/bye/ }).waitFor();
    await editor.press("Escape");
    await picker.waitFor({ state: "detached" });
    await expect(editor.isVisible()).resolves.toBe(true);

    await editor.pressSequentially("e");
    await picker.waitFor();
    await editor.press("Tab");
    await expect(editor.inputValue()).resolves.toBe("Have a lovely day!");
    const sent = nextMessage(customer.socket, (m) => m.author === "agent", WAIT);
    await editor.press("Control+Enter");
    expect((await sent).text).toBe("Have a lovely day!");
  });

  it("the pages raised no script errors", () => {
    expect([...alex.errors, ...sam.errors]).toEqual([]);
  });
});
