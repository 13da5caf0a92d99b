import path from "node:path";
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
import {
  SCREENSHOTS,
  customerSays,
  ensureBuilt,
  namedCustomer,
  openConsole,
  openDesk,
} from "./testing/console-page";

let server: TestServer;
let browser: Browser;
let alex: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };
let alexId: string;
let samId: string;

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  alex = await openConsole(browser, server, AGENT);
  sam = await openConsole(browser, server, SUPERVISOR);
  alexId = (await server.platform.store.users.findByEmail(AGENT.email))!.user.id;
  samId = (await server.platform.store.users.findByEmail(SUPERVISOR.email))!.user.id;
  // Sam takes nothing new, so every offer goes to Alex.
  await server.platform.store.users.update(samId, { availability: "away" });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A named customer who asks for a person. */
async function asksForPerson(name: string) {
  const customer = await namedCustomer(server, name);
  await customerSays(customer, "Can I speak with a human agent please", "q1");
  return customer;
}

describe("assignment in the console", () => {
  it("a supervisor puts an agent on a team with the seconds they have to accept", async () => {
    const { page } = sam;
    await openDesk(page, "Teams");
    await page.getByRole("button", { name: "New team" }).click();
    const editor = page.getByRole("form", { name: "New team" });
    await editor.getByLabel("Team name").fill("Support");
    await editor.getByRole("checkbox", { name: "Alex Agent" }).check();
    await editor.getByLabel("Seconds to accept an offer").fill("45");
    await editor.getByLabel("Always open").check();
    await editor.getByRole("button", { name: "Save team" }).click();
    await page
      .getByRole("region", { name: "Support" })
      .getByText("Members: Alex Agent; 45 s to accept")
      .waitFor();
    const [team] = await server.platform.store.teams.list();
    expect(team).toMatchObject({ members: [{ userId: alexId }], offerSeconds: 45, hours: null });
  });

  it("an agent sets themself away and back, with a capacity, on their account page", async () => {
    const { page } = alex;
    await page.getByRole("link", { name: "Alex Agent" }).click();
    await page.getByRole("radio", { name: /^Away/ }).check();
    await page.getByRole("status").filter({ hasText: "You are away now." }).waitFor();
    expect(await server.platform.store.users.get(alexId)).toMatchObject({ availability: "away" });
    await page.getByLabel("Conversations you take at once").fill("2");
    await page.getByRole("button", { name: "Save capacity" }).click();
    await page.getByRole("status").filter({ hasText: "up to 2 conversations" }).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.getByRole("radio", { name: /^Available/ }).check();
    await page.getByRole("status").filter({ hasText: "You are available now." }).waitFor();
    expect(await server.platform.store.users.get(alexId)).toMatchObject({
      availability: "available",
      capacity: 2,
    });
  });

  it("a handoff is offered to the agent with a countdown; accepting opens the conversation", async () => {
    const { page } = alex;
    await page.goto(`${server.url}/console/#/`);
    const customer = await asksForPerson("Olivia Offer");
    const offer = page.getByRole("region", { name: "Offered to you" }).locator(".offer");
    await offer.getByText(/\d+ s left to accept/).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-offer.png") });
    await offer.getByRole("button", { name: "Accept" }).click();
    await offer.waitFor({ state: "detached" });
    await page.getByRole("tab", { name: /Mine/, selected: true }).waitFor();
    const [review] = await server.platform.store.reviews.listByStatus(["claimed"], 10);
    expect(review).toMatchObject({ conversationId: customer.conversationId, assigneeId: alexId });
    expect(alex.errors).toEqual([]);
  });

  it("declining passes the offer on; with nobody left it waits in the queue", async () => {
    const { page } = alex;
    const customer = await asksForPerson("Dan Decline");
    const offer = page.getByRole("region", { name: "Offered to you" }).locator(".offer");
    await offer.getByRole("button", { name: "Decline" }).click();
    await offer.waitFor({ state: "detached" });
    const [waiting] = (await server.platform.store.reviews.listByStatus(["pending"], 10)).filter(
      (r) => r.conversationId === customer.conversationId,
    );
    expect(waiting?.kind).toBe("handoff");
    expect(await server.platform.store.offers.get(waiting!.id)).toBeNull();
  });

  it("a supervisor sees who holds what and reassigns a conversation", async () => {
    const { page } = sam;
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    const panel = page.getByRole("region", { name: "Who holds what" });
    const alexRow = panel.getByRole("row", { name: /Alex Agent/ });
    await alexRow.getByText("1 of 2").waitFor();
    await alexRow.getByText(/Olivia Offer/).waitFor();
    await panel.getByText(/Dan Decline .*, in the queue/).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-assignments.png") });

    await alexRow
      .getByRole("combobox", { name: /Give Olivia Offer/ })
      .selectOption({ label: "Sam Supervisor" });
    await alexRow.getByRole("button", { name: /Reassign Olivia Offer/ }).click();
    await panel
      .getByRole("row", { name: /Sam Supervisor/ })
      .getByText(/Olivia Offer/)
      .waitFor();
    const [claimed] = await server.platform.store.reviews.listByStatus(["claimed"], 10);
    expect(claimed?.assigneeId).toBe(samId);
    const [audited] = await server.platform.store.audit.list({ action: "handoff.reassigned", limit: 1 });
    expect(audited?.details).toMatchObject({ from: { id: alexId }, to: { id: samId } });
    expect(sam.errors).toEqual([]);
  });
});
