import { afterEach, describe, expect, it } from "vitest";
import { IssuedLink, LoginResponse } from "@handoff/contracts";
import { api, startTestServer, SUPERVISOR, type TestServer } from "../testing";
import { startSmtpServer } from "../testing/smtp-server";

let server: TestServer | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await server?.dispose();
  await smtp?.close();
});

async function invite(env: Record<string, string>) {
  server = await startTestServer({ env: { PUBLIC_URL: "https://desk.example.com", ...env } });
  const token = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body).token;
  const res = await api(
    server,
    "POST",
    "/api/people/invites",
    { email: "ivy@example.com", role: "agent" },
    token,
  );
  return IssuedLink.parse(res.body);
}

describe("invitation emails", () => {
  it("mails the one-time link to the invitee through the SMTP server, pointing at PUBLIC_URL", async () => {
    smtp = await startSmtpServer();
    const issued = await invite({ SMTP_URL: smtp.url, MAIL_FROM: "Desk <desk@example.com>" });
    expect(issued.mail).toBe("sent");
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["ivy@example.com"]);
    expect(mail?.raw).toMatch(/^From: Desk <desk@example\.com>/m);
    // Quoted-printable may wrap the link; undo soft line breaks before looking for it.
    const body = mail?.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=") ?? "";
    expect(body).toContain(`https://desk.example.com/console/#/invite/${issued.token}`);
  });

  it("still gives the link to copy when the SMTP server refuses the mail", async () => {
    smtp = await startSmtpServer({ refuse: true });
    const issued = await invite({ SMTP_URL: smtp.url });
    expect(issued.mail).toBe("failed");
    expect(issued.token.length).toBeGreaterThan(20);
    expect(smtp.received).toHaveLength(0);
  });
});
