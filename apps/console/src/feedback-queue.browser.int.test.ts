import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Correction } from "@handoff/contracts";
import {
  AGENT,
  api,
  launchBrowser,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { wordDiff } from "./feedback/word-diff";
import { SCREENSHOTS, correctionCard, ensureBuilt, openConsole, openDesk } from "./testing/console-page";
import { editedDraftCorrection, storedCorrection } from "./testing/desk-seed";

/** Risky requests (each waits for approval) and how the agent rewrote the bot's draft. */
const EDITS = {
  cancel: [
    "Please cancel my subscription today.",
    "I have cancelled your subscription for you; a cancellation made at least 2 days before the next roast date stops the next delivery, so nothing more ships.",
  ],
  stale: [
    "Please refund my last order, the beans were stale.",
    "Sorry the beans were stale! Tell us within 30 days of delivery and we will replace or refund the coffee, even if the bag is open.",
  ],
  deletion: [
    "Please delete my account and all my data.",
    "We can delete your account and all your data on request; we confirm by email within 2 business days.",
  ],
  address: [
    "Can you change the delivery address on my order?",
    "You can change the delivery address of an order under Account > Orders until it is roasted; after that, write to us.",
  ],
  cancelAgain: [
    "I want to cancel my coffee subscription please.",
    "I have cancelled your coffee subscription; a cancellation made 2 days before the next roast date stops the next delivery.",
  ],
  shippingFee: [
    "Please refund the shipping fee on my order.",
    "Standard delivery costs $5.95 and is free on orders over $40; we refund the fee when a delivery is late.",
  ],
  cancelOrder: [
    "Please cancel my order from yesterday.",
    "Orders can be cancelled until they are roasted, usually within 24 hours; write to us and we stop it.",
  ],
  upgrade: [
    "Can you upgrade my subscription to two bags a month?",
    "A subscription sends a fresh bag every 1, 2 or 4 weeks, and you can choose two bags per delivery under Account > Subscriptions.",
  ],
} as const;

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };
const seeded: Partial<Record<keyof typeof EDITS, Correction & { draft: string }>> = {};

/** The correction seeded for one of EDITS. */
function seed(key: keyof typeof EDITS) {
  const correction = seeded[key];
  if (!correction) throw new Error(`${key} was not seeded`);
  return correction;
}

beforeAll(async () => {
  await ensureBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  for (const key of Object.keys(EDITS).filter((k): k is keyof typeof EDITS => k in EDITS)) {
    const [question, answer] = EDITS[key];
    seeded[key] = await editedDraftCorrection(server, question, answer);
  }
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
  await openDesk(sam.page, "Feedback queue");
  await sam.page.getByRole("heading", { name: "Feedback queue" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Waits for the queue's line saying what the last action did. */
const announced = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text }).waitFor();

describe("the feedback queue", () => {
  it("lists every pending correction with the word diff from draft to answer, who made it, why and when", async () => {
    const { page } = sam;
    const cancel = seed("cancel");
    const card = correctionCard(page, cancel.id);
    await card.waitFor();
    await expect(page.locator(".correction").count()).resolves.toBe(Object.keys(EDITS).length);

    const segments = wordDiff(cancel.draft, cancel.answer);
    const removed = segments.filter((s) => s.kind === "removed");
    const added = segments.filter((s) => s.kind === "added");
    await expect(card.locator("del").count()).resolves.toBe(removed.length);
    await expect(card.locator("ins").count()).resolves.toBe(added.length);
    const insTexts = await card.locator("ins").allTextContents();
    added.forEach((s, i) => expect(insTexts[i]).toContain(s.text));
    await expect(card.locator("ins").first().textContent()).resolves.toContain("have");

    const text = await card.textContent();
    expect(text).toContain(cancel.question);
    expect(text).toContain("Alex Agent");
    expect(text).toContain("Agent edited the draft");
    await expect(card.locator("time").first().getAttribute("datetime")).resolves.toBe(cancel.createdAt);
    await expect(card.getByRole("link", { name: "Open conversation" }).getAttribute("href")).resolves.toBe(
      `#/conversations/${cancel.conversationId}`,
    );

    await page.setViewportSize({ width: 1440, height: 1250 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "console-feedback-queue.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("searching shows only the corrections that contain the words", async () => {
    const { page } = sam;
    await page.getByLabel("Search", { exact: true }).fill("delete");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("1 shown").waitFor();
    await correctionCard(page, seed("deletion").id).waitFor();
    await page.getByLabel("Search", { exact: true }).fill("");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText(`${Object.keys(EDITS).length} shown`).waitFor();
  });

  it("a correction's link opens its conversation in the inbox", async () => {
    const { page } = sam;
    const fee = seed("shippingFee");
    await correctionCard(page, fee.id).getByRole("link", { name: "Open conversation" }).click();
    await page.locator("#detail-title").waitFor();
    await page.locator("#detail .transcript").getByText(fee.answer).waitFor();
    await openDesk(page, "Feedback queue");
    await correctionCard(page, fee.id).waitFor();
  });

  it("approving leaves the answer as the agent wrote it and takes the correction out of the pending queue", async () => {
    const { page } = sam;
    const fee = seed("shippingFee");
    const card = correctionCard(page, fee.id);
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    await announced(page, `Approved: “${fee.question}”`);
    await card.waitFor({ state: "detached" });
    const stored = await storedCorrection(server, fee.id);
    expect(stored).toMatchObject({ status: "approved", question: fee.question, answer: fee.answer });
  });

  it("edit-and-approve stores the rewritten question, answer and tags", async () => {
    const { page } = sam;
    const deletion = seed("deletion");
    const card = correctionCard(page, deletion.id);
    await card.getByRole("button", { name: "Edit and approve" }).click();
    const question = "How do I delete my account and my data?";
    const answer =
      "Ask us in the chat or by email: we delete the account and all its data within 2 business days.";
    await card.getByLabel("Question").fill(question);
    await card.getByLabel("Answer").fill(answer);
    await card.getByLabel("Tags").fill("account, privacy");
    await card.getByRole("button", { name: "Save and approve" }).click();
    await announced(page, `Approved: “${question}”`);
    await card.waitFor({ state: "detached" });
    const stored = await storedCorrection(server, deletion.id);
    expect(stored).toMatchObject({ status: "approved", question, answer, tags: ["account", "privacy"] });
  });

  it("rejecting needs a reason, which is stored with the correction", async () => {
    const { page } = sam;
    const stale = seed("stale");
    const card = correctionCard(page, stale.id);
    await card.getByRole("button", { name: "Reject", exact: true }).click();
    const submit = card.getByRole("button", { name: "Reject correction" });
    await expect(submit.isDisabled()).resolves.toBe(true);
    const reason = "A refund depends on the order; this is not a reusable answer.";
    await card.getByLabel("Why reject this correction?").fill(reason);
    await submit.click();
    await announced(page, `Rejected: “${stale.question}”`);
    await card.waitFor({ state: "detached" });
    expect(await storedCorrection(server, stale.id)).toMatchObject({ status: "rejected", reason });
  });

  it("ticked corrections are approved together, and rejected together with one reason", async () => {
    const { page } = sam;
    const bulk = page.getByRole("region", { name: "Selected corrections" });
    for (const key of ["cancelOrder", "upgrade"] as const) {
      await correctionCard(page, seed(key).id).getByRole("checkbox").check();
    }
    await bulk.getByRole("button", { name: "Approve 2 selected" }).click();
    await announced(page, "2 approved");
    for (const key of ["cancelOrder", "upgrade"] as const) {
      expect((await storedCorrection(server, seed(key).id)).status).toBe("approved");
    }

    const address = seed("address");
    await correctionCard(page, address.id).getByRole("checkbox").check();
    await bulk.getByRole("button", { name: "Reject 1 selected" }).click();
    await bulk.getByLabel("Why reject this correction?").fill("Depends on the order's roast date.");
    await bulk.getByRole("button", { name: "Reject 1 correction" }).click();
    await announced(page, "1 rejected");
    expect(await storedCorrection(server, address.id)).toMatchObject({
      status: "rejected",
      reason: "Depends on the order's roast date.",
    });
  });

  it("merging duplicates keeps the chosen one pending and rejects the other as merged into it", async () => {
    const { page } = sam;
    const keep = seed("cancel");
    const duplicate = seed("cancelAgain");
    await correctionCard(page, keep.id).getByRole("checkbox").check();
    await correctionCard(page, duplicate.id).getByRole("checkbox").check();
    const bulk = page.getByRole("region", { name: "Selected corrections" });
    await bulk.getByRole("button", { name: "Merge duplicates" }).click();
    await bulk.getByRole("radio", { name: new RegExp(keep.question) }).check();
    await bulk.getByRole("button", { name: "Merge into the kept one" }).click();
    await announced(page, "Merged 1 duplicate into one correction");
    await correctionCard(page, duplicate.id).waitFor({ state: "detached" });
    expect((await storedCorrection(server, keep.id)).status).toBe("pending");
    expect(await storedCorrection(server, duplicate.id)).toMatchObject({
      status: "rejected",
      reason: `merged into ${keep.id}`,
    });
  });

  it("an approved correction is retired from the approved list and stops being used", async () => {
    const { page } = sam;
    const fee = seed("shippingFee");
    await page.getByLabel("Status").selectOption("approved");
    const card = correctionCard(page, fee.id);
    await card.getByRole("button", { name: "Retire" }).click();
    await announced(page, /Retired/);
    await card.waitFor({ state: "detached" });
    expect((await storedCorrection(server, fee.id)).status).toBe("retired");
  });

  it("the page raised no script errors", () => {
    expect(sam.errors).toEqual([]);
  });
});

describe("agents and the supervisor's desk", () => {
  it("an agent sees no supervisor navigation, and a link to a supervisor screen shows the inbox", async () => {
    const alex = await openConsole(browser, server, AGENT);
    const { page } = alex;
    await expect(page.getByRole("navigation", { name: "Supervisor" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Feedback queue" }).count()).resolves.toBe(0);

    await page.goto(`${server.url}/console/#/feedback`);
    await page.getByRole("tab", { name: /Awaiting approval/ }).waitFor();
    await expect(page.getByRole("heading", { name: "Feedback queue" }).count()).resolves.toBe(0);
    expect(alex.errors).toEqual([]);
    await alex.context.close();

    // The server refuses them too, whatever the page shows.
    const login = await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT);
    const refused = await api(server, "GET", "/api/corrections", undefined, login.body.token);
    expect(refused.status).toBe(403);
  });
});
