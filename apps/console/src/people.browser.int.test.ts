import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { SCREENSHOTS, ensureBuilt, openConsole, openDesk } from "./testing/console-page";

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The supervisor invites someone from the People screen; returns the link shown once. */
async function invite(page: Page, email: string, name: string): Promise<string> {
  await openDesk(page, "People");
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name (optional)").fill(name);
  await form.getByRole("button", { name: "Invite" }).click();
  const link = page.getByRole("textbox", { name: "Invitation link" });
  await link.waitFor();
  return link.inputValue();
}

/** Opens an invitation link in a browser of its own and joins with a password. */
async function joinThrough(link: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(link);
  await page.getByRole("heading", { name: "Join the support team" }).waitFor();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
  return { context, page, errors };
}

const personRow = (page: Page, email: string) => page.locator("tr", { hasText: email });

/** Opens the People screen afresh (it lists who had joined when it opened). */
async function reopenPeople(page: Page) {
  await page.getByRole("button", { name: "Done" }).click();
  await openDesk(page, "Inbox");
  await openDesk(page, "People");
}

describe("people", () => {
  it("a supervisor invites an agent, who signs up through the link and is in the inbox", async () => {
    const link = await invite(sam.page, "olive@example.com", "Olive Ortiz");
    expect(link).toMatch(/\/console\/#\/invite\/[\w-]{20,}$/);
    await sam.page.screenshot({ path: path.join(SCREENSHOTS, "console-people.png") });

    const olive = await joinThrough(link, "olive-password-1");
    await olive.page.getByRole("link", { name: "Olive Ortiz" }).waitFor();
    // Their account is on the supervisor's list; the invitation is used up.
    await reopenPeople(sam.page);
    await personRow(sam.page, "olive@example.com").getByText("Active").waitFor();
    expect(await sam.page.getByRole("region", { name: "Open invitations" }).count()).toBe(0);
    expect(olive.errors).toEqual([]);
    await olive.context.close();
  });

  it("a deactivated agent is signed out live, and their live chat goes back to the queue", async () => {
    const link = await invite(sam.page, "pat@example.com", "Pat Park");
    const pat = await joinThrough(link, "pat-password-1");
    const { review } = await pendingHandoff(server);
    const account = await server.platform.store.users.findByEmail("pat@example.com");
    if (!account) throw new Error("Pat has no account");
    await server.platform.conversations.claimHandoff(review.id, account.user);

    await reopenPeople(sam.page);
    sam.page.once("dialog", (dialog) => void dialog.accept());
    await personRow(sam.page, "pat@example.com").getByRole("button", { name: "Deactivate" }).click();
    await sam.page.getByText("Pat Park is deactivated; 1 chat(s) went back to the queue.").waitFor();

    // Pat's console falls back to the sign-in page by itself: no click, no reload.
    await pat.page.getByRole("heading", { name: "Sign in to the console" }).waitFor({ timeout: 10_000 });
    expect(await server.platform.store.reviews.get(review.id)).toMatchObject({
      status: "pending",
      assigneeId: null,
    });
    await pat.page.getByLabel("Email").fill("pat@example.com");
    await pat.page.getByLabel("Password").fill("pat-password-1");
    await pat.page.getByRole("button", { name: "Sign in" }).click();
    await pat.page
      .getByRole("alert")
      .filter({ hasText: /deactivated/ })
      .waitFor();
    await pat.context.close();
  });

  it("a promoted agent gets the supervisor's desk without signing in again; anyone renames themself", async () => {
    const link = await invite(sam.page, "quinn@example.com", "Quinn Q");
    const quinn = await joinThrough(link, "quinn-password-1");
    expect(await quinn.page.getByRole("navigation", { name: "Supervisor" }).count()).toBe(0);
    await reopenPeople(sam.page);
    await sam.page.getByRole("combobox", { name: "Role of Quinn Q" }).selectOption("supervisor");
    await quinn.page.getByRole("navigation", { name: "Supervisor" }).waitFor({ timeout: 10_000 });

    await quinn.page.getByRole("link", { name: "Quinn Q" }).click();
    await quinn.page.getByLabel("The name colleagues and customers see").fill("Quinn Quill");
    await quinn.page.getByRole("button", { name: "Save name" }).click();
    await quinn.page.getByRole("link", { name: "Quinn Quill" }).waitFor();
    expect((await server.platform.store.users.findByEmail("quinn@example.com"))?.user.name).toBe(
      "Quinn Quill",
    );
    expect(quinn.errors).toEqual([]);
    await quinn.context.close();
  });

  it("an agent resets no one: the People screen is the supervisor's", async () => {
    expect(sam.errors).toEqual([]);
    const { page, context } = await openConsole(browser, server);
    await page.goto(`${server.url}/console/#/people`);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    expect(await page.getByRole("heading", { name: "People" }).count()).toBe(0);
    await context.close();
  });
});
