import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortId } from "@handoff/contracts";
import { SUPERVISOR, launchBrowser, startTestServer, type TestServer } from "@handoff/server/testing";
import {
  ensureBuilt,
  handoffArrives as sharedHandoffArrives,
  openConsole,
  row,
  showTab,
  signIn,
} from "./testing/console-page";

const WANTS_PERSON = "Can I speak with a human agent please";

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const handoffArrives = (page: Page, name: string, text = WANTS_PERSON) =>
  sharedHandoffArrives(server, page, name, text);

describe("the inbox shows what needs doing", () => {
  it("a row quotes the customer message the bot paused on, not the latest bot or agent line", async () => {
    const { page } = sam;
    const { customer, item } = await handoffArrives(page, "Petra Preview");
    await item.getByRole("button").click();
    await page.getByRole("button", { name: "Claim conversation" }).click();
    await page.getByText("You are handling this conversation.").waitFor();
    const composer = page.getByLabel("Reply to the customer");
    await composer.fill("One moment, I'm looking at your account.");
    await composer.press("Enter");
    await page.locator(".msg-agent", { hasText: "looking at your account" }).waitFor();
    await server.platform.conversations.idle();
    const stored = await server.platform.store.conversations.get(customer.conversationId);
    // The conversation's last line is the agent's, not the question.
    expect(stored?.lastMessagePreview).toBe("One moment, I'm looking at your account.");
    await showTab(page, /Mine/);
    const mine = row(page, customer.conversationId);
    await expect(mine.locator(".row-last").textContent()).resolves.toBe(WANTS_PERSON);
  });

  it("the row and the conversation show the same short id", async () => {
    const { page } = sam;
    const { customer, item } = await handoffArrives(page, "Sid Short");
    const short = shortId(customer.conversationId);
    await expect(item.locator(".row-id").textContent()).resolves.toBe(short);
    await item.getByRole("button").click();
    await expect(page.locator("#detail .conversation-id").textContent()).resolves.toBe(short);
  });

  it("web addresses in messages are links that open safely; javascript: stays text", async () => {
    const { page } = sam;
    const text = `${WANTS_PERSON}, see https://shop.example.com/orders/42 or javascript:alert(1)`;
    const { item } = await handoffArrives(page, "Lina Links", text);
    await item.getByRole("button").click();
    const transcript = page.locator("#detail .transcript");
    const link = transcript.getByRole("link", { name: "https://shop.example.com/orders/42" });
    await link.waitFor();
    await expect(link.getAttribute("href")).resolves.toBe("https://shop.example.com/orders/42");
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(transcript.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    await transcript.getByText(text).first().waitFor();
  });

  it("with desktop alerts on and the browser's permission, a new handoff raises a notification", async () => {
    const context = await browser.newContext({ permissions: ["notifications"] });
    // Records what the page shows through the real Notification API.
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: Array<{ title: string; body: string | undefined }> = [];
      Reflect.set(window, "__notifications", shown);
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body });
        }
      }
      Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
      Object.defineProperty(Recorded, "requestPermission", { value: () => Real.requestPermission() });
      window.Notification = Recorded;
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await signIn(page, SUPERVISOR);
    await page.getByLabel("Desktop alerts").check();
    await expect(page.getByLabel("Desktop alerts").isChecked()).resolves.toBe(true);

    const { customer } = await handoffArrives(page, "Nina Notify");
    const shown = () => page.evaluate(() => JSON.stringify(Reflect.get(window, "__notifications")));
    await expect.poll(shown, { timeout: 10_000 }).toContain(shortId(customer.conversationId));
    expect(JSON.parse(await shown())).toEqual([
      {
        title: `A customer is waiting for a person (${shortId(customer.conversationId)})`,
        body: WANTS_PERSON,
      },
    ]);
    await context.close();
  });

  it("the pages raised no script errors", () => {
    expect(sam.errors).toEqual([]);
  });
});
