import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RefitPreview } from "@handoff/contracts";
import {
  api,
  launchBrowser,
  seedDecisionHistory,
  separableHistory,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt, openConsole, openDesk } from "./testing/console-page";

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  const history = separableHistory();
  await seedDecisionHistory(server, history.decisions, history.autoSent);
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The value of a row of the preview table, in the "Now" and "After the refit" columns. */
async function tableRow(page: Page, label: string) {
  const cells = page.getByRole("row", { name: new RegExp(`^${label}`) }).getByRole("cell");
  return cells.allTextContents();
}

describe("refitting the confidence from the dashboard", () => {
  it("previews the refit from the team's decisions, changing nothing, then applies it when confirmed", async () => {
    const { page } = sam;
    await openDesk(page, "Dashboard");
    await page.getByRole("button", { name: "Preview refit" }).click();
    const preview = page.getByLabel("Refit preview");
    await preview.waitFor();
    await expect
      .poll(() => preview.textContent())
      .toContain("40 decisions: 20 approved unchanged, 7 edited, 7 rejected, 6 taken over · 50 messages");

    // What the panel shows is what the server previews for the same period.
    const token = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
    const fromServer = RefitPreview.parse(
      (await api<{ preview: unknown }>(server, "POST", "/api/confidence/refit/preview", {}, token)).body
        .preview,
    );
    const proposed = fromServer.proposed!;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    expect(await tableRow(page, "Messages sent without a person")).toEqual(["20%", pct(proposed.automation)]);
    expect(await tableRow(page, "Reviewed drafts it would send")).toEqual([
      "0 of 0 (0%)",
      `0 of ${proposed.reviewedSent} (0%)`,
    ]);
    expect(await preview.textContent()).toContain(
      `Checked on periods it was not fitted on: ${proposed.heldOut.autoSent} drafts sent, ${proposed.heldOut.autoWrong} of them changed`,
    );
    expect((await server.platform.settings.get()).fittedConfidence ?? null).toBeNull();

    // Applying asks once more, then the settings carry the fit and its thresholds.
    await page.getByRole("button", { name: "Apply…" }).click();
    await page.getByRole("button", { name: "Keep the current one" }).click();
    expect((await server.platform.settings.get()).fittedConfidence ?? null).toBeNull();
    await page.getByRole("button", { name: "Apply…" }).click();
    await page.getByRole("button", { name: "Apply the refit" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Applied: the bot now scores with the refitted confidence" })
      .waitFor();

    const settings = await server.platform.settings.get();
    expect(settings.fittedConfidence?.weights).toEqual(proposed.model.weights);
    expect(settings.thresholds).toEqual(proposed.model.thresholds);
    const [audited] = await server.platform.store.audit.list({ action: "confidence.refitted", limit: 5 });
    expect(audited?.actor).toMatchObject({ type: "user", name: expect.any(String) });
    expect(sam.errors).toEqual([]);
  });
});
