import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  connectAgent,
  launchBrowser,
  nextReview,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";

// Real server (temp SQLite), real chromium, a French host page on another origin embedding embed.js.
let server: TestServer;
let browser: Browser;
let site: Server;
let siteUrl = "";

beforeAll(async () => {
  if (!existsSync(new URL("../dist/embed.js", import.meta.url)))
    throw new Error("dist/embed.js is missing: run npm run build first");
  server = await startTestServer();
  browser = await launchBrowser();
  const html = `<!doctype html><html lang="fr"><body><h1>Boutique</h1>
    <button id="aide" onclick="HandoffDesk.open()">Aide</button>
    <script src="${server.url}/widget/embed.js" data-title="Boutique"></script>
    </body></html>`;
  site = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const address = site.address();
  if (!address || typeof address === "string") throw new Error("no address");
  siteUrl = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  site?.close();
  await browser?.close();
  await server?.dispose();
});

describe("system notices in the customer's language", () => {
  it("a French customer reads the handoff and joined notices in French, stored as kinds", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl);
      await page.locator("#aide").click();
      const chat = page.frameLocator('iframe[title="Boutique (chat)"]');
      const agent = await connectAgent(server);
      const handoff = nextReview(agent.socket, "review:created", (r) => r.kind === "handoff", 30_000);
      await chat.getByRole("button", { name: "Parler à une personne" }).click();
      const notices = chat.locator('.msg[data-author="system"] .text');
      await notices
        .filter({ hasText: "Je vous mets en relation avec une personne de notre équipe." })
        .waitFor({ timeout: 30_000 });

      const review = await handoff;
      const stored = await server.platform.store.messages.listRecent(review.conversationId, 10);
      expect(stored.find((m) => m.author === "system")).toMatchObject({
        text: "",
        notice: { kind: "handoff.connecting" },
      });

      expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
      await notices
        .filter({ hasText: `${agent.user.name}, de notre équipe, a rejoint la conversation.` })
        .waitFor({ timeout: 30_000 });
      expect(await notices.filter({ hasText: "from our team" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
