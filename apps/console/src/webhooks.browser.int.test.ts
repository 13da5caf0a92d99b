import { createServer, type Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@handoff/core";
import {
  SUPERVISOR,
  accessibilityViolations,
  connectCustomer,
  launchBrowser,
  startTestServer,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt, openConsole, openDesk } from "./testing/console-page";

let server: TestServer;
let browser: Browser;
let sam: { context: BrowserContext; page: Page; errors: string[] };
let receiver: Server;
let receiverUrl = "";
const received: Array<{ body: string; signature: string }> = [];

beforeAll(async () => {
  await ensureBuilt();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["x-handoff-signature"]),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  server = await startTestServer();
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("webhooks screen", () => {
  it("a supervisor adds an endpoint, sees its signed deliveries answered with HTTP 200, and disables it", async () => {
    const { page } = sam;
    await openDesk(page, "Webhooks");
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Endpoint URL").fill(receiverUrl);
    await form.getByRole("checkbox", { name: "message.created" }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Done" }).click();

    const customer = await connectCustomer(server);
    await customer.socket.emitWithAck("message:send", { clientId: "q1", text: "Hello there" });
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [first] = received;
    expect(first && verifyWebhook(secret, first.body, first.signature, Math.floor(Date.now() / 1000))).toBe(
      true,
    );

    const card = page.getByRole("region", { name: receiverUrl });
    await card.getByRole("button", { name: "Refresh" }).click();
    await card.getByRole("cell", { name: "HTTP 200" }).first().waitFor();
    await card.getByRole("cell", { name: "delivered" }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await card.getByRole("button", { name: "Disable" }).click();
    await card.getByText(/^Disabled/).waitFor();
    expect((await server.platform.store.webhooks.listEndpoints())[0]?.enabled).toBe(false);
    expect(sam.errors).toEqual([]);
  });
});
