import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent, type Recommendation } from "@handoff/contracts";
import { api, launchBrowser, startTestServer, SUPERVISOR, type TestServer } from "@handoff/server/testing";
import { SCREENSHOTS, ensureBuilt, openConsole, openDesk } from "./testing/console-page";
import { liveHandoff, seedHistory, seedReviewHistory } from "./testing/desk-seed";

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };
let token: string;

beforeAll(async () => {
  await ensureBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  await seedHistory(server);
  await liveHandoff(server);
  await seedReviewHistory(server);
  token = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The value and note of one dashboard tile. */
async function stat(page: Page, label: string) {
  const tile = page.locator(".stat", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
  await tile.waitFor();
  return {
    value: (await tile.locator(".stat-value").textContent())?.trim(),
    note: (await tile.locator(".stat-note").textContent())?.trim(),
    warn: await tile.evaluate((el) => el.classList.contains("stat-warn")),
  };
}

/** Waits until a tile shows `value` (the numbers reload after each filter change). */
const statShows = (page: Page, label: string, value: string) =>
  page
    .locator(".stat", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator(".stat-value", { hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) })
    .waitFor();

/** The rows of a bar list, as "label value". */
async function bars(page: Page, name: string) {
  const rows = page.getByRole("list", { name }).locator("li");
  await rows.first().waitFor();
  return (await rows.evaluateAll((items) => items.map((li) => li.textContent ?? ""))).map((t) => t.trim());
}

describe("the dashboard", () => {
  it("shows the numbers of a seeded week: automation, decisions, waits, ratings, corrections, rubber stamps", async () => {
    const { page } = sam;
    await openDesk(page, "Dashboard");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();

    expect(await stat(page, "Automation rate")).toMatchObject({
      value: "60%",
      note: "6 of 10 answered without a person",
    });
    expect(await stat(page, "Messages")).toMatchObject({
      value: "10",
      note: "2 sent for approval · 2 handed over",
    });
    expect(await stat(page, "Approval rate")).toMatchObject({
      value: "50%",
      note: "2 of 4 approved as drafted",
    });
    expect((await stat(page, "Edit rate")).value).toBe("25%");
    expect((await stat(page, "Rejection rate")).value).toBe("25%");
    expect(await stat(page, "Pause to decision")).toMatchObject({
      value: "30s",
      note: "median · p90 2m · 4 decisions",
    });
    expect((await stat(page, "Handoff to first reply")).note).toMatch(/1 handoff$/);
    expect(await stat(page, "Customer rating")).toMatchObject({
      value: "4.0 / 5",
      note: "4 ratings · 3 thumbs up · 1 thumbs down",
    });
    expect(await stat(page, "Corrections")).toMatchObject({ value: "2 created", note: "2 approved" });
    expect(await stat(page, "Rubber-stamp approvals")).toMatchObject({
      value: "1",
      warn: true,
      note: "50% of approvals came faster than the draft can be read",
    });

    expect(await bars(page, "Escalations by reason")).toEqual(
      expect.arrayContaining([
        "Medium confidence1",
        "Risk rule1",
        "Out of scope1",
        "Customer asked for a person1",
      ]),
    );
    expect(await bars(page, "Human decisions")).toEqual([
      "Approved2 (50%)",
      "Edited1 (25%)",
      "Rejected1 (25%)",
      "Other (guided, taken over)0 (0%)",
    ]);
    expect(await bars(page, "Customer ratings")).toEqual([
      "5 stars1",
      "4 stars2",
      "3 stars1",
      "2 stars0",
      "1 star0",
    ]);
    await page.getByRole("img", { name: "Messages per day by route: 10 in the period" }).waitFor();
    // The week has a bar for every day, whether or not anything happened that day.
    const days = await page.locator(".chart svg").first().locator("g > title").count();
    expect(days).toBeGreaterThanOrEqual(7);

    await page.getByRole("button", { name: "Apply the recommendation for shipping" }).waitFor();
    await page.setViewportSize({ width: 1440, height: 1260 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-dashboard.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("the period and the category narrow the numbers", async () => {
    const { page } = sam;
    await page.getByRole("button", { name: "24 hours" }).click();
    await statShows(page, "Messages", "2");
    expect((await stat(page, "Automation rate")).value).toBe("50%");
    expect((await stat(page, "Approval rate")).value).toBe("—");

    await page.getByRole("button", { name: "7 days" }).click();
    await statShows(page, "Messages", "10");
    await page.getByLabel("Category").selectOption("shipping");
    await statShows(page, "Messages", "4");
    expect((await stat(page, "Automation rate")).value).toBe("100%");

    await page.getByLabel("Category").selectOption("");
    await statShows(page, "Messages", "10");
  });

  it("a recommendation from the review history is applied with one click, and the change is audited", async () => {
    const { page } = sam;
    const recs = await api<{ recommendations: Recommendation[] }>(
      server,
      "GET",
      "/api/metrics/recommendations",
      undefined,
      token,
    );
    const relax = recs.body.recommendations.find((r) => r.category === "shipping");
    expect(relax?.kind).toBe("relax");
    if (!relax) return;
    await page.locator(".recommendation", { hasText: "returns" }).getByText("Needs attention").waitFor();

    await page.getByRole("button", { name: "Apply the recommendation for shipping" }).click();
    await page
      .getByRole("status")
      .filter({
        hasText: `Applied to shipping: auto ≥ ${relax.suggested.auto.toFixed(2)}, review ≥ ${relax.suggested.review.toFixed(2)}.`,
      })
      .waitFor();
    expect((await server.platform.settings.get()).categoryThresholds.shipping).toEqual(relax.suggested);
    const [changed] = await server.platform.store.audit.list({ action: "settings.changed", limit: 1 });
    expect(changed?.actor.name).toBe("Sam Supervisor");
  });
});

describe("settings", () => {
  it("refuses a review threshold that is not below the auto threshold, then saves thresholds, shadow mode and risk rules", async () => {
    const { page } = sam;
    await openDesk(page, "Settings");
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    const before = await server.platform.settings.get();
    await expect(page.getByLabel("Auto threshold", { exact: true }).inputValue()).resolves.toBe(
      String(before.thresholds.auto),
    );
    // The shipping row the recommendation created is there with its applied thresholds.
    await expect(page.getByLabel("Auto threshold for shipping").inputValue()).resolves.toBe(
      String(before.categoryThresholds.shipping?.auto),
    );

    const save = page.getByRole("button", { name: "Save settings" });
    await page.getByLabel("Review threshold", { exact: true }).fill(String(before.thresholds.auto));
    await page.getByText("The review threshold must be below the auto threshold.").waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);

    await page.getByLabel("Auto threshold", { exact: true }).fill("0.85");
    await page.getByLabel("Review threshold", { exact: true }).fill("0.5");
    await page.getByRole("group", { name: "Shadow categories" }).getByLabel("wholesale").check();
    await page.getByLabel("Route for Cancellation").selectOption("handoff");
    await page.getByRole("button", { name: "Add a phrase" }).click();
    await page.getByLabel("Phrase 1", { exact: true }).fill("chargeback");
    await page.getByLabel("Risk raised by phrase 1").selectOption("money_movement");
    await save.click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    const after = await server.platform.settings.get();
    expect(after.thresholds).toEqual({ auto: 0.85, review: 0.5 });
    expect(after.shadowCategories).toEqual(["wholesale"]);
    expect(after.categoryThresholds).toEqual(before.categoryThresholds);
    expect(after.riskRoutes).toEqual({ cancellation: "handoff" });
    expect(after.customRiskPhrases).toEqual([{ phrase: "chargeback", category: "money_movement" }]);
  });
});

describe("the audit log", () => {
  it("filters by action and words on the server, and exports exactly the filtered log as CSV and JSON Lines", async () => {
    const { page } = sam;
    await openDesk(page, "Audit log");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByLabel("Action").selectOption("settings.changed");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const rows = page.locator(".audit-table tbody tr");
    await page.getByText("Page 1 of 1 · 2 events").waitFor();
    await expect(rows.first().textContent()).resolves.toContain("Sam Supervisor");

    await page.getByLabel("Contains").fill("wholesale");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("Page 1 of 1 · 1 event").waitFor();

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe("audit.csv");
    const csvLines = (await readFile(await csv.path(), "utf8")).trim().split("\n");
    expect(csvLines[0]).toBe("at,action,actor_type,actor_id,actor_name,conversation_id,details");
    // The words are searched on the server, so the export holds exactly what the list shows.
    expect(csvLines).toHaveLength(2);
    expect(csvLines.slice(1).every((line) => line.includes(",settings.changed,user,"))).toBe(true);

    const jsonlDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON Lines" }).click();
    const jsonl = await jsonlDownload;
    expect(jsonl.suggestedFilename()).toBe("audit.jsonl");
    const events = (await readFile(await jsonl.path(), "utf8"))
      .trim()
      .split("\n")
      .map((line) => AuditEvent.parse(JSON.parse(line)));
    expect(events.map((e) => e.action)).toEqual(["settings.changed"]);
    expect(JSON.stringify(events[0]?.details)).toContain("wholesale");
    await page.getByRole("status").filter({ hasText: "Downloaded audit.jsonl" }).waitFor();
  });

  it("the pages raised no script errors", () => {
    expect(sam.errors).toEqual([]);
  });
});
