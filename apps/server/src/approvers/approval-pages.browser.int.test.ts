import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginResponse, type Message } from "@handoff/contracts";
import {
  accessibilityViolations,
  api,
  customerTranscript,
  launchBrowser,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";
import { signedLinks } from "./approval-links";
import { approversFor } from "./approver-runtime";

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  // A page error or something the content security policy blocked ("Refused to ...") shows up here;
  // the refusal pages answer 409 on purpose, and there is no favicon (404).
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const replies = (messages: Message[]) => messages.filter((m) => m.author === "bot" || m.author === "agent");

/** A pending approval and the supervisor's signed links to it, on the test server. */
async function linksToNewApproval() {
  const supervisor = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body);
  const pending = await pendingApproval(server);
  const secret = await approversFor(server.platform).secret();
  const links = signedLinks(
    { secret, publicUrl: server.url, reviewId: pending.review.id, userId: supervisor.user.id },
    Math.floor(Date.now() / 1000),
    3600,
  );
  return { ...pending, links };
}

describe("the pages of an emailed approval link, in a browser", () => {
  it("approve: the page shows the approval, confirming sends the reply once, the link then says who decided", async () => {
    const { review, customer, links } = await linksToNewApproval();
    await page.goto(links.approve);
    await page.getByRole("heading", { name: "Approve this reply?" }).waitFor();
    await page.getByText(review.packet.draft.text).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");

    await page.getByRole("button", { name: "Approve and send to the customer" }).click();
    await page.getByRole("heading", { name: "Approved" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(links.reject);
    await page.getByRole("heading", { name: "Already decided" }).waitFor();
    await page.getByText("already approved by Sam Supervisor").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await server.platform.conversations.idle();
    expect(replies(await customerTranscript(customer)).map((m) => m.text)).toEqual([
      review.packet.draft.text,
    ]);
    expect(problems).toEqual([]);
  });

  it("reject: the form will not go without a reason, and with one the draft is rejected", async () => {
    const { review, links } = await linksToNewApproval();
    await page.goto(links.reject);
    await page.getByRole("heading", { name: "Reject this reply?" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Reject" }).click();
    expect(await page.getByLabel(/Why is the draft rejected/).evaluate((el) => el.matches(":invalid"))).toBe(
      true,
    );
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");

    await page.getByLabel(/Why is the draft rejected/).fill("Refunds are for billing to decide.");
    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByRole("heading", { name: "Rejected" }).waitFor();
    expect((await server.platform.store.reviews.get(review.id))?.decision).toEqual({
      type: "reject",
      reason: "Refunds are for billing to decide.",
    });
    expect(problems).toEqual([]);
  });
});
