import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { LoginResponse, Weekday } from "@handoff/contracts";
import {
  api,
  connectAgent,
  launchBrowser,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { openWidget } from "./testing/widget-page";

const screenshot = fileURLToPath(
  new URL("../../../docs/screenshots/widget-out-of-hours.png", import.meta.url),
);
let server: TestServer;
let browser: Browser;

/** The UTC weekday two days from today: the one day the team below works. */
const dayAfterTomorrow = new Date(Date.now() + 2 * 24 * 3_600_000);
const workday = Weekday.options[(dayAfterTomorrow.getUTCDay() + 6) % 7] ?? "mon";

beforeAll(async () => {
  if (!existsSync(new URL("../dist/index.html", import.meta.url))) throw new Error("run npm run build first");
  server = await startTestServer();
  const token = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body).token;
  const team = await api(
    server,
    "POST",
    "/api/teams",
    {
      name: "Support",
      categories: [],
      hours: { timeZone: "UTC", weekly: [{ day: workday, open: "09:00", close: "17:00" }], holidays: [] },
    },
    token,
  );
  expect(team.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("out of hours", () => {
  it("a customer who asks for a person sees when the team is back and leaves an email at once", async () => {
    // An agent is online: the widget says the team is away because of its hours, not an empty console.
    await connectAgent(server);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      timezoneId: "UTC",
      locale: "en-US",
      reducedMotion: "reduce",
    });
    const widget = await openWidget(browser, `${server.url}/`, context);
    const conversationId = await widget.conversationId();
    await widget.chat.getByRole("button", { name: "Talk to a person" }).click();

    const form = widget.chat.getByRole("form", { name: "We're away right now" });
    await form.waitFor({ timeout: 30_000 });
    const weekday = new Intl.DateTimeFormat("en", { weekday: "long", timeZone: "UTC" }).format(
      dayAfterTomorrow,
    );
    await expect.poll(() => form.textContent()).toContain(`We're back ${weekday}`);
    await expect.poll(() => form.textContent()).toContain("09:00");
    await widget.message(`Our team is away right now and back on ${weekday} at 09:00 (UTC)`).waitFor();
    await mkdir(path.dirname(screenshot), { recursive: true });
    await widget.page.screenshot({ path: screenshot });

    await form.getByLabel("Your email").fill("night.owl@example.com");
    await form.getByRole("button", { name: "Notify me" }).click();
    await widget.chat
      .getByText("Thanks! We will reply to night.owl@example.com.")
      .waitFor({ timeout: 30_000 });
    expect((await server.platform.store.conversations.get(conversationId))?.customer.email).toBe(
      "night.owl@example.com",
    );
    const left = await server.platform.store.audit.list({ action: "contact.left", conversationId, limit: 1 });
    expect(left).toHaveLength(1);
    await context.close();
  });
});
