import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SUPERVISOR,
  accessibilityViolations,
  api,
  launchBrowser,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt, openConsole, openDesk } from "./testing/console-page";

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

describe("API keys screen", () => {
  it("a supervisor creates a scoped key, copies its secret once, and revokes it", async () => {
    const { page } = sam;
    await openDesk(page, "API keys");
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    const form = page.getByRole("form", { name: "New API key" });
    await form.getByLabel("Key name").fill("CRM sync");
    await form.getByRole("checkbox", { name: /Read and export the audit log/ }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Create key" }).click();

    const secret = await page.getByRole("textbox", { name: "New API key" }).inputValue();
    expect(secret).toMatch(/^hk_/);
    expect(await accessibilityViolations(page)).toEqual([]);
    const row = page.getByRole("row", { name: /CRM sync/ });
    await row.getByText(/^hk_.{8}…$/).waitFor();
    expect(await row.textContent()).not.toContain(secret);
    expect((await api(server, "GET", "/api/audit", undefined, secret)).status).toBe(200);
    expect((await api(server, "GET", "/api/metrics", undefined, secret)).status).toBe(403);

    await page.getByRole("button", { name: "Done" }).click();
    expect(await page.getByRole("textbox", { name: "New API key" }).count()).toBe(0);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Revoke CRM sync" }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect((await api(server, "GET", "/api/audit", undefined, secret)).status).toBe(401);
    expect(sam.errors).toEqual([]);
  });
});
