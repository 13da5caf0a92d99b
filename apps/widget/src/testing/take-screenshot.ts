import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startTestServer } from "@handoff/server/testing";
import { openWidget } from "./widget-page";

/** Saves docs/screenshots/widget.png: the demo page with the chat open mid-conversation (run after a build). */
const out = fileURLToPath(new URL("../../../../docs/screenshots/widget.png", import.meta.url));
const server = await startTestServer();
const browser = await launchBrowser();
try {
  // Reduced motion: no half-finished scroll or fade in the picture.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    reducedMotion: "reduce",
  });
  const widget = await openWidget(browser, `${server.url}/`, context);
  await widget.say("How long does standard delivery take?");
  const answer = widget.chat.locator('.msg[data-author="bot"]').filter({ hasText: "business days" });
  await answer.waitFor({ timeout: 30_000 });
  await answer.getByRole("button", { name: "Yes, helpful" }).click();
  await widget.say("Which payment methods do you accept?");
  await widget.chat
    .locator('.msg[data-author="bot"]')
    .filter({ hasText: "Visa" })
    .waitFor({ timeout: 30_000 });
  await widget.chat.getByRole("textbox").fill("Great, thanks!");
  await mkdir(path.dirname(out), { recursive: true });
  await widget.page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.dispose();
}
