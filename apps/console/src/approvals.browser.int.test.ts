import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  AGENT,
  launchBrowser,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt, openConsole, openDesk } from "./testing/console-page";

let server: TestServer;
let browser: Browser;
let alex: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  alex = await openConsole(browser, server, AGENT);
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("approvals outside the console, on the account page", () => {
  it("an agent asks for approvals by email and links their Slack member id; both stay after a reload", async () => {
    const { page } = alex;
    await page.getByRole("link", { name: "Alex Agent" }).click();
    const form = page.getByRole("form", { name: "Approvals outside the console" });
    const email = form.getByRole("checkbox", { name: /Email me each approval/ });
    const slack = form.getByLabel(/Your Slack member id/);
    expect(await email.isChecked()).toBe(false);
    await email.check();
    await slack.fill("U0ALEX001");
    await form.getByRole("button", { name: "Save approvals" }).click();
    await form.getByRole("status").filter({ hasText: "Slack member U0ALEX001 is linked." }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole("form", { name: "Approvals outside the console" }).waitFor();
    expect(await email.isChecked()).toBe(true);
    expect(await slack.inputValue()).toBe("U0ALEX001");
  });

  it("a value that is not a Slack member id is refused with the reason, and nothing changes", async () => {
    const { page } = alex;
    const form = page.getByRole("form", { name: "Approvals outside the console" });
    await form.getByLabel(/Your Slack member id/).fill("alex");
    await form.getByRole("button", { name: "Save approvals" }).click();
    await form.getByRole("alert").filter({ hasText: "Slack member id" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.reload();
    expect(
      await page
        .getByRole("form", { name: "Approvals outside the console" })
        .getByLabel(/Your Slack member id/)
        .inputValue(),
    ).toBe("U0ALEX001");
    expect(alex.errors).toEqual([]);
  });

  it("a supervisor sets a person's approvals on People; a Slack id already linked to someone is refused", async () => {
    const { page } = sam;
    await openDesk(page, "People");
    const section = page.getByRole("region", { name: "Approvals outside the console" });
    const mine = section.getByLabel("Slack member id of Sam Supervisor");
    await mine.fill("U0ALEX001");
    await section.getByRole("button", { name: "Save approvals of Sam Supervisor" }).click();
    await section.getByRole("alert").filter({ hasText: "already linked to Alex Agent" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await mine.fill("U0SAM0001");
    await section.getByRole("checkbox", { name: "Email approvals to Sam Supervisor" }).check();
    await section.getByRole("button", { name: "Save approvals of Sam Supervisor" }).click();
    await section
      .getByRole("status")
      .filter({ hasText: "Approvals for Sam Supervisor are saved." })
      .waitFor();
    expect(await section.getByLabel("Slack member id of Alex Agent").inputValue()).toBe("U0ALEX001");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(sam.errors).toEqual([]);
  });
});
