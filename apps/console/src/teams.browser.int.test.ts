import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startTestServer, SUPERVISOR, type TestServer } from "@handoff/server/testing";
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

describe("teams and hours", () => {
  it("a supervisor makes a team with its time zone, opening hours and a holiday", async () => {
    const { page } = sam;
    await openDesk(page, "Teams");
    await page.getByRole("button", { name: "New team" }).click();
    const editor = page.getByRole("form", { name: "New team" });
    await editor.getByLabel("Team name").fill("Support");
    await editor.getByLabel("Time zone").selectOption("Europe/Paris");
    await editor.getByRole("button", { name: "Add opening hours" }).click();
    await editor.getByLabel("Day of row 6").selectOption("sat");
    await editor.getByLabel("Opens, row 6").fill("14:00");
    await editor.getByLabel("Closes, row 6").fill("10:00");
    // Closing before opening is caught before anything is sent.
    await editor.getByRole("alert").filter({ hasText: "Opening hours, row 6" }).waitFor();
    expect(await editor.getByRole("button", { name: "Save team" }).isDisabled()).toBe(true);
    await editor.getByLabel("Opens, row 6").fill("10:00");
    await editor.getByLabel("Closes, row 6").fill("14:00");
    await editor.getByRole("button", { name: "Add a holiday" }).click();
    await editor.getByLabel("Holiday 1, date").fill("2026-12-25");
    await editor.getByLabel("Holiday 1, name").fill("Christmas");
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-teams.png") });
    await editor.getByRole("button", { name: "Save team" }).click();

    const card = page.getByRole("region", { name: "Support" });
    await card.getByText("Mon–Fri 09:00–17:00; Sat 10:00–14:00 (Europe/Paris); 1 holiday(s)").waitFor();
    await card.getByText(/^(Open now, until|Closed, back) /).waitFor();
    const [team] = await server.platform.store.teams.list();
    expect(team?.hours).toEqual({
      timeZone: "Europe/Paris",
      weekly: expect.arrayContaining([{ day: "sat", open: "10:00", close: "14:00" }]),
      holidays: [{ date: "2026-12-25", name: "Christmas" }],
    });
    expect(sam.errors).toEqual([]);
  });

  it("a second team cannot take a category the first one handles", async () => {
    const { page } = sam;
    await page.getByRole("region", { name: "Support" }).getByRole("button", { name: "Edit" }).click();
    const support = page.getByRole("form", { name: "Edit Support" });
    await support.getByPlaceholder("Another category").fill("billing");
    await support.getByRole("button", { name: "Add", exact: true }).click();
    await support.getByRole("button", { name: "Save team" }).click();
    await page.getByRole("region", { name: "Support" }).getByText("Categories: billing").waitFor();

    await page.getByRole("button", { name: "New team" }).click();
    const other = page.getByRole("form", { name: "New team" });
    await other.getByLabel("Team name").fill("Money");
    await other.getByRole("checkbox", { name: "billing" }).check();
    await other.getByRole("button", { name: "Save team" }).click();
    await other.getByRole("alert").filter({ hasText: "Support already handles billing" }).waitFor();
    expect(await server.platform.store.teams.list()).toHaveLength(1);
  });
});
