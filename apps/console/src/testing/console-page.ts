import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { z } from "zod";
import { TypingEvent, VisitorSession } from "@handoff/contracts";
import { AGENT, api, connectCustomer, type TestServer } from "@handoff/server/testing";

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Builds the console once if `npm test`'s pretest did not (e.g. vitest started directly). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(appRoot, "dist", "index.html"))) return;
  await build({ root: appRoot, logLevel: "warn" });
}

/** Where screenshots for the README go. */
export const SCREENSHOTS = path.resolve(appRoot, "../../docs/screenshots");

/** A signed-in console in its own browser context (own storage, own socket). */
export async function openConsole(browser: Browser, server: TestServer, who = AGENT) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(`${server.url}/console/`);
  await signIn(page, who);
  return { context, page, errors };
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
}

/** A customer with a name (so rows are easy to tell apart) and a connected widget socket. */
export async function namedCustomer(server: TestServer, name: string) {
  const session = await api(server, "POST", "/api/visitor", { customer: { name } });
  return connectCustomer(server, VisitorSession.parse(session.body));
}

export type Customer = Awaited<ReturnType<typeof namedCustomer>>;

/** The inbox row of a conversation. */
export const row = (page: Page, conversationId: string) =>
  page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);

/** Switches the inbox to a tab. */
export const showTab = (page: Page, name: RegExp) => page.getByRole("tab", { name }).click();

/** The next typing event the customer's widget receives. */
export function nextTyping(customer: Customer, typing: boolean, timeoutMs = 30_000): Promise<TypingEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      customer.socket.off("typing", listener);
      reject(new Error(`no typing=${typing} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (raw: unknown) => {
      const parsed = TypingEvent.safeParse(raw);
      if (!parsed.success || parsed.data.typing !== typing) return;
      clearTimeout(timer);
      customer.socket.off("typing", listener);
      resolve(parsed.data);
    };
    customer.socket.on("typing", listener);
  });
}

/** Sends a customer message and checks the server accepted it. */
export async function customerSays(customer: Customer, text: string, clientId: string) {
  const ack: unknown = await customer.socket.emitWithAck("message:send", { clientId, text });
  z.object({ ok: z.literal(true) }).parse(ack);
}

/** A customer who asked for a person, seen arriving in the "waiting for a human" tab. */
export async function handoffArrives(
  server: TestServer,
  page: Page,
  name: string,
  text = "Can I speak with a human agent please",
) {
  await showTab(page, /Waiting for a human/);
  const customer = await namedCustomer(server, name);
  await customerSays(customer, text, "q1");
  const item = row(page, customer.conversationId);
  await item.waitFor();
  return { customer, item };
}

/** Opens a screen of the supervisor's desk from the top bar. */
export const openDesk = (
  page: Page,
  name:
    | "Inbox"
    | "People"
    | "Teams"
    | "Feedback queue"
    | "Quarantine"
    | "Dashboard"
    | "Settings"
    | "Audit log"
    | "API keys"
    | "Webhooks"
    | "Channels",
) => page.getByRole("navigation", { name: "Supervisor" }).getByRole("link", { name, exact: true }).click();

/** A correction's card in the feedback queue. */
export const correctionCard = (page: Page, id: string) =>
  page.locator(`.correction[data-correction-id="${id}"]`);
