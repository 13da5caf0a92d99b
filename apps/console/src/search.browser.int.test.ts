import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortId } from "@handoff/contracts";
import {
  SUPERVISOR,
  accessibilityViolations,
  launchBrowser,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt, openConsole, openDesk } from "./testing/console-page";
import { IDENTITY_SECRET, dayFromToday, seedSearch } from "./testing/search-seed";

let server: TestServer;
let browser: Browser;
let alex: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };
let seeded: Awaited<ReturnType<typeof seedSearch>>;

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer({ env: { WIDGET_IDENTITY_SECRET: IDENTITY_SECRET } });
  seeded = await seedSearch(server);
  browser = await launchBrowser();
  alex = await openConsole(browser, server);
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Criteria {
  q?: string;
  status?: string;
  agent?: string;
  from?: string;
  to?: string;
}

/** Opens Search from the top bar, fills in the criteria given and submits them. */
async function submitSearch(page: Page, criteria: Criteria) {
  await page.getByRole("link", { name: "Search", exact: true }).click();
  // The link clears the last search, which remounts the form: fields filled before that render would
  // be lost (a CI run searched everything with "Alex Agent" chosen, another with the id typed after a
  // refused date range), so wait for the last results, or the last search's error, to go.
  await page
    .locator(".search-results, .search-page .empty, .search-page .form-error")
    .waitFor({ state: "detached" });
  const form = page.getByRole("search", { name: "Conversations" });
  await form.getByLabel("Find").fill(criteria.q ?? "");
  await form.getByLabel("Status").selectOption({ label: criteria.status ?? "Any status" });
  await form.getByLabel("Assigned to").selectOption({ label: criteria.agent ?? "Anyone" });
  await form.getByLabel("Started from").fill(criteria.from ?? "");
  await form.getByLabel("Started until").fill(criteria.to ?? "");
  await form.getByRole("button", { name: "Search" }).click();
}

/** The conversations found (table rows), once the server's answer to what `act` started is shown. */
async function resultsOf(page: Page, act: () => Promise<unknown>): Promise<string[]> {
  const answered = page.waitForResponse((r) => r.url().includes("/api/search/conversations"));
  await act();
  expect((await answered).status()).toBe(200);
  await page.locator(".search-page .empty", { hasText: "Searching" }).waitFor({ state: "detached" });
  return page
    .locator(".search-results tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-conversation-id") ?? ""));
}

/** Searches and returns the conversations found. */
const search = (page: Page, criteria: Criteria) => resultsOf(page, () => submitSearch(page, criteria));

const sorted = (ids: string[]) => [...ids].sort();

describe("finding conversations in the console", () => {
  it("an agent types the short id the console shows and opens the one conversation it names", async () => {
    const { page } = alex;
    expect(await search(page, { q: shortId(seeded.adaSecond) })).toEqual([seeded.adaSecond]);
    const result = page.locator(`.search-results tr[data-conversation-id="${seeded.adaSecond}"]`);
    await expect(result.textContent()).resolves.toContain("Ada Lovelace");
    await page.getByRole("status").filter({ hasText: "1 conversation found" }).waitFor();

    await result.getByRole("link", { name: shortId(seeded.adaSecond) }).click();
    const detail = page.locator("#detail");
    await detail.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
    await expect(detail.locator(".conversation-id").textContent()).resolves.toBe(shortId(seeded.adaSecond));
    await detail.getByText("My grinder arrived broken").first().waitFor();

    // Back returns to the same results.
    expect(await resultsOf(page, () => page.goBack())).toEqual([seeded.adaSecond]);
    await expect(page.getByLabel("Find").inputValue()).resolves.toBe(shortId(seeded.adaSecond));
  });

  it("finds a customer by the start of their email in any case, by name, and by words of a message", async () => {
    const { page } = alex;
    expect(sorted(await search(page, { q: "ADA@Example" }))).toEqual(
      sorted([seeded.adaFirst, seeded.adaSecond]),
    );

    expect(await search(page, { q: "grace" })).toEqual([seeded.grace]);
    await expect(page.locator(".search-results tbody td").last().textContent()).resolves.toBe("name");

    expect(await search(page, { q: "grinder broken" })).toEqual([seeded.adaSecond]);
    await expect(page.locator(".search-results tbody td").last().textContent()).resolves.toBe("a message");
  });

  it("narrows by status, by the agent it is assigned to, and by the day it started", async () => {
    const { page } = sam;
    expect(await search(page, { status: "Resolved" })).toEqual([seeded.adaFirst]);

    // The agent a conversation is assigned to now: a resolved one is nobody's any more.
    expect(await search(page, { agent: "Alex Agent" })).toEqual([seeded.adaSecond]);
    expect(await search(page, { agent: "Alex Agent", status: "With an agent" })).toEqual([seeded.adaSecond]);
    expect(await search(page, { agent: "Alex Agent", status: "Resolved" })).toEqual([]);
    expect(await search(page, { agent: "Me (Sam Supervisor)" })).toEqual([]);

    expect(await search(page, { to: dayFromToday(-5) })).toEqual([seeded.olga]);
    expect(sorted(await search(page, { from: dayFromToday(-3), to: dayFromToday(0) }))).toEqual(
      sorted([seeded.adaFirst, seeded.adaSecond, seeded.grace]),
    );
    expect(await search(page, { q: "olga@", from: dayFromToday(-3) })).toEqual([]);

    // Everything given must match; with nothing given, every conversation shows, newest first.
    expect(sorted(await search(page, {}))).toEqual(
      sorted([seeded.adaFirst, seeded.adaSecond, seeded.grace, seeded.olga]),
    );
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
  });

  it("says plainly when nothing matches, and what is wrong with input it cannot search for", async () => {
    const { page } = alex;
    expect(await search(page, { q: "nobody@example.org" })).toEqual([]);
    await page.getByText("No conversation matches.").waitFor();
    await page.getByRole("status").filter({ hasText: "0 conversations found" }).waitFor();

    await submitSearch(page, { q: "#zz12" });
    await page
      .getByRole("alert")
      .filter({ hasText: /"#zz12" is not a conversation id.*at least 4.*0-9.*a-f.*#3f2a9c1d/ })
      .waitFor();
    await expect(page.locator(".search-results").count()).resolves.toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    await submitSearch(page, { from: dayFromToday(0), to: dayFromToday(-1) });
    await page.getByRole("alert").filter({ hasText: "The start date is after the end date" }).waitFor();
    await expect(page.locator(".search-results").count()).resolves.toBe(0);

    // A well-formed id that no conversation has is no error: it simply matches nothing.
    const id = shortId(seeded.adaFirst);
    const unknown = `#${id[1] === "0" ? "1" : "0"}${id.slice(2)}`;
    expect(await search(page, { q: unknown })).toEqual([]);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
  });
});

describe("the customer profile in a conversation", () => {
  it("shows who identify() says the customer is, their other conversations and their ratings", async () => {
    const { page } = alex;
    await search(page, { q: shortId(seeded.adaSecond) });
    await page.getByRole("link", { name: shortId(seeded.adaSecond) }).click();
    const panel = page.locator("#detail .customer-panel");
    const summary = panel.locator("summary");
    await expect(summary.textContent()).resolves.toBe("Customer profile: 2 conversations, 2 ratings");
    await summary.click();

    const facts = panel.locator(".customer-facts");
    await expect(facts.textContent()).resolves.toContain("Ada Lovelace");
    await expect(facts.textContent()).resolves.toContain("ada@example.com");
    await expect(facts.textContent()).resolves.toContain(
      "User 42 (signed in on your site, verified by identify())",
    );
    await expect(facts.textContent()).resolves.not.toContain("not verified");

    const others = panel.locator(".customer-conversations li");
    await expect(others.count()).resolves.toBe(1);
    await expect(others.first().textContent()).resolves.toContain("Resolved");
    const ratings = await panel.locator(".customer-ratings li").allTextContents();
    expect(ratings).toHaveLength(2);
    expect(ratings.some((r) => r.startsWith("Rated the conversation 4 of 5: “Quick and kind”"))).toBe(true);
    expect(ratings.some((r) => r.startsWith("Thumbs up on an answer"))).toBe(true);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    // The earlier conversation opens from the panel.
    await others
      .first()
      .getByRole("link", { name: shortId(seeded.adaFirst) })
      .click();
    await expect(page.locator("#detail .conversation-id").textContent()).resolves.toBe(
      shortId(seeded.adaFirst),
    );
    await page.locator("#detail").getByText("How long does standard delivery take?").first().waitFor();
  });

  it("marks an email the customer typed as not verified, with no other conversations or ratings", async () => {
    const { page } = alex;
    await search(page, { q: "grace@" });
    await page.getByRole("link", { name: shortId(seeded.grace) }).click();
    const panel = page.locator("#detail .customer-panel");
    await expect(panel.locator("summary").textContent()).resolves.toBe(
      "Customer profile: 1 conversation, 0 ratings",
    );
    await panel.locator("summary").click();
    const facts = await panel.locator(".customer-facts").textContent();
    expect(facts).toContain("grace@example.com (as typed, not verified)");
    expect(facts).toContain("Not identified");
    await panel.getByText("None yet.").waitFor();
  });
});

describe("the audit log's conversation filter", () => {
  it("takes the short id the console shows and lists only that conversation's events", async () => {
    const { page } = sam;
    await openDesk(page, "Audit log");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByRole("textbox", { name: "Conversation" }).fill(shortId(seeded.adaFirst));
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    const cells = page.locator(".audit-table tbody tr td:nth-child(4)");
    await page.waitForFunction((id) => {
      const shown = [...document.querySelectorAll(".audit-table tbody tr td:nth-child(4)")];
      return shown.length > 0 && shown.every((td) => td.textContent === id);
    }, shortId(seeded.adaFirst));
    const actions = await page.locator(".audit-table tbody tr td:nth-child(2)").allTextContents();
    expect(actions).toEqual(expect.arrayContaining(["conversation.rated", "message.rated"]));
    expect(new Set(await cells.allTextContents())).toEqual(new Set([shortId(seeded.adaFirst)]));
  });
});

describe("the pages", () => {
  it("raised no script errors", () => {
    expect([...alex.errors, ...sam.errors]).toEqual([]);
  });
});
