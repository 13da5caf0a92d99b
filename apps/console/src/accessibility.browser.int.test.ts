import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED_ARTICLES } from "@handoff/core/testing";
import {
  SUPERVISOR,
  accessibilityViolations,
  api,
  launchBrowser,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { editedDraftCorrection } from "./testing/desk-seed";
import {
  customerSays,
  ensureBuilt,
  namedCustomer,
  openConsole,
  openDesk,
  row,
  showTab,
} from "./testing/console-page";

// One server and one supervisor's console; each view is opened as a person would and checked by axe-core.
let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  await editedDraftCorrection(
    server,
    "Please cancel my order from yesterday.",
    "Orders can be cancelled until they are roasted; write to us and we stop it.",
  );
  const token = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
  const planted = `---\ntitle: Gift card balance\ntags: [gift cards]\n---\n${PLANTED_ARTICLES[0] ?? ""}`;
  await api(server, "POST", "/api/kb/import", { files: [{ name: "held.md", content: planted }] }, token);
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const expectAccessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

describe("WCAG 2.2 AA in the console (axe-core)", () => {
  it("the sign-in page has no violation", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("the empty inbox has no violation", async () => {
    await sam.page.getByText("Nothing selected").waitFor();
    await expectAccessible(sam.page);
  });

  it("an approval, open with its draft, has no violation", async () => {
    const { page } = sam;
    await showTab(page, /Awaiting approval/);
    const customer = await namedCustomer(server, "Ada Access");
    await customerSays(customer, "Please cancel my subscription today.", "q1");
    const item = row(page, customer.conversationId);
    await item.getByRole("button").click();
    await page.locator("#detail .draft-section").waitFor();
    await expectAccessible(page);
    await page
      .locator("#detail")
      .getByRole("button", { name: /Reject/ })
      .click();
    await page.getByLabel("Why is the draft wrong?").waitFor();
    await expectAccessible(page);
  });

  it("a handoff, claimed and chatting, has no violation", async () => {
    const { page } = sam;
    await showTab(page, /Waiting for a human/);
    const customer = await namedCustomer(server, "Hal Handoff");
    await customerSays(customer, "Can I speak with a human agent please", "q1");
    await row(page, customer.conversationId).getByRole("button").click();
    await page.getByRole("button", { name: "Claim conversation" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Claim conversation" }).click();
    await page.getByText("You are handling this conversation.").waitFor();
    await page.getByLabel("Reply to the customer").fill("Hello Hal, I am here.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".msg-agent", { hasText: "Hello Hal" }).waitFor();
    await expectAccessible(page);
  });

  it("the shortcuts dialog has no violation", async () => {
    const { page } = sam;
    await page.getByRole("button", { name: "Shortcuts" }).click();
    await page.getByRole("dialog").waitFor();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
  });

  for (const [screen, ready] of [
    ["Feedback queue", ".correction"],
    ["Quarantine", ".quarantined"],
    ["Dashboard", ".stats .stat-value"],
    ["Settings", "form"],
    ["Audit log", "table"],
  ] as const) {
    it(`the ${screen.toLowerCase()} has no violation`, async () => {
      const { page } = sam;
      await openDesk(page, screen);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
    });
  }

  it("the pages raised no script errors", () => {
    expect(sam.errors).toEqual([]);
  });
});
