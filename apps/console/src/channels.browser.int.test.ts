import { createServer, type Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiKeyCreated, ChannelReply, LoginResponse } from "@handoff/contracts";
import { verifyWebhook } from "@handoff/core";
import {
  SUPERVISOR,
  accessibilityViolations,
  api,
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
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/replies`;
  server = await startTestServer({ env: { CHANNEL_TICK_MS: "100" } });
  browser = await launchBrowser();
  sam = await openConsole(browser, server, SUPERVISOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** An API key for the platform's bridge, made over REST (the API keys screen has its own test). */
async function bridgeKey(): Promise<string> {
  const login = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body);
  const created = await api(
    server,
    "POST",
    "/api/api-keys",
    { name: "bridge", scopes: ["messages:send"] },
    login.token,
  );
  return ApiKeyCreated.parse(created.body).secret;
}

describe("channels screen", () => {
  it("a supervisor adds an API channel, its customer's answer reaches the platform signed and shows as delivered, and disabling sticks", async () => {
    const { page } = sam;
    await openDesk(page, "Channels");
    await page.getByRole("heading", { name: "Channels" }).waitFor();
    const form = page.getByRole("form", { name: "New API channel" });
    await form.getByLabel("Name").fill("WhatsApp bridge");
    await form.getByLabel("Reply webhook URL").fill(receiverUrl);
    await form.getByRole("button", { name: "Add channel" }).click();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^chsec_/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Done" }).click();

    const [channel] = await server.platform.store.channels.listChannels();
    if (!channel) throw new Error("no channel stored");
    const posted = await api(
      server,
      "POST",
      `/api/channels/${channel.id}/messages`,
      {
        conversationKey: "+4915100000009",
        idempotencyKey: "w1",
        text: "How long does standard delivery take?",
      },
      await bridgeKey(),
    );
    expect(posted.status).toBe(202);
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [first] = received;
    if (!first) throw new Error("no reply reached the platform");
    expect(verifyWebhook(secret, first.body, first.signature, Math.floor(Date.now() / 1000))).toBe(true);
    const reply = ChannelReply.parse(JSON.parse(first.body));

    const card = page.getByRole("region", { name: "WhatsApp bridge" });
    await card.getByRole("button", { name: "Refresh" }).click();
    await card.getByRole("cell", { name: "delivered" }).first().waitFor();
    await card
      .getByRole("cell", { name: reply.message.text.slice(0, 40) })
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The conversation says where its replies go.
    await page.goto(`${server.url}/console/#/conversations/${reply.conversationId}`);
    await page
      .getByRole("region", { name: "Channel" })
      .getByText("API channel: replies are posted to the platform for thread +4915100000009.")
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await openDesk(page, "Channels");

    await card.getByRole("button", { name: "Disable" }).click();
    await card.getByText(/^Disabled/).waitFor();
    expect((await server.platform.store.channels.listChannels())[0]?.enabled).toBe(false);
    expect(sam.errors).toEqual([]);
  });
});
