import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IssuedLink, LoginResponse } from "@handoff/contracts";
import {
  api,
  launchBrowser,
  startOidcProvider,
  startTestServer,
  SUPERVISOR,
  type TestOidcProvider,
  type TestServer,
} from "@handoff/server/testing";
import { ensureBuilt } from "./testing/console-page";

let idp: TestOidcProvider;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureBuilt();
  idp = await startOidcProvider();
  server = await startTestServer({
    env: {
      PORT: String(idp.appPort),
      PUBLIC_URL: idp.appUrl,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_LABEL: "Example SSO",
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await idp?.close();
});

/** A fresh browser at the console's sign-in page. */
async function signInPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  return page;
}

/** Clicks the single sign-on button and signs in at the provider's own pages as `email`. */
async function signOnAs(page: Page, email: string) {
  await page.getByRole("button", { name: "Sign in with Example SSO" }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("single sign-on with OpenID Connect", () => {
  it("signs an existing account in through a local provider", async () => {
    const page = await signInPage();
    await signOnAs(page, SUPERVISOR.email);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await page.getByRole("link", { name: "Sam Supervisor" }).waitFor();
    // The one-time code is gone from the address bar.
    expect(page.url()).not.toMatch(/sso/);
    const events = await server.platform.store.audit.list({ action: "user.signed_in", limit: 5 });
    expect(events[0]?.details).toEqual({ method: "sso" });
    await page.context().close();
  });

  it("turns an invitation into an account when the invitee signs on with its email", async () => {
    const token = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body).token;
    const invite = await api(
      server,
      "POST",
      "/api/people/invites",
      { email: "rosa@example.com", role: "agent" },
      token,
    );
    const issued = IssuedLink.parse(invite.body);
    const page = await signInPage();
    await signOnAs(page, "rosa@example.com");
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    expect((await server.platform.store.users.findByEmail("rosa@example.com"))?.user).toMatchObject({
      role: "agent",
      status: "active",
    });
    expect((await server.platform.store.accessLinks.get(issued.link.id))?.usedAt).not.toBeNull();
    await page.context().close();
  });

  it("refuses an email with neither an account nor an invitation, and says why", async () => {
    const page = await signInPage();
    await signOnAs(page, "stranger@example.com");
    await page.getByRole("alert").filter({ hasText: "stranger@example.com has no account here" }).waitFor();
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    expect(await server.platform.store.users.findByEmail("stranger@example.com")).toBeNull();
    await page.context().close();
  });

  it("does not finish a sign-in in a browser other than the one that started it", async () => {
    // The attacker signs on, stops short of using the code, and gets the console link to a victim.
    const attacker = await signInPage();
    await attacker.route("**/api/auth/oidc/complete", (route) => route.abort());
    await signOnAs(attacker, SUPERVISOR.email);
    await attacker.waitForURL(/#\/sso\//);
    const landing = attacker.url();

    // The victim had started a sign-on of their own: the server still refuses the attacker's code here.
    const victim = await signInPage();
    await victim.getByRole("button", { name: "Sign in with Example SSO" }).click();
    await victim.waitForURL((url) => url.origin === idp.issuer);
    await victim.goto(landing);
    await victim
      .getByRole("alert")
      .filter({ hasText: /started in another browser/ })
      .waitFor();
    await victim.getByRole("link", { name: "Back to sign in" }).click();
    await victim.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    await victim.context().close();
    await attacker.context().close();
  });
});
