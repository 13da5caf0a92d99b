import { startTestServer, type StoreVariant, type TestServer } from "../../testing";
import { startSmtpServer } from "../../testing/smtp-server";

// Test support for the email channel's tests: a server with the channel on and a real SMTP server.
// Never imported by production code.

/** The reply addresses' domain in the tests. */
export const REPLY_DOMAIN = "reply.example.test";

/** A test server with the email channel sending to a real SMTP server on 127.0.0.1; both closed by `cleanups`. */
export async function emailTestServer(
  variant: StoreVariant,
  cleanups: Array<() => Promise<unknown>>,
  env: Record<string, string> = {},
): Promise<{ s: TestServer; smtp: Awaited<ReturnType<typeof startSmtpServer>> }> {
  const smtp = await startSmtpServer();
  cleanups.push(() => smtp.close());
  const s = await startTestServer({
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: "http://127.0.0.1:9",
      EMAIL_FROM: "Support <support@example.test>",
      EMAIL_REPLY_DOMAIN: REPLY_DOMAIN,
      EMAIL_REPLY_SECRET: "a-long-enough-reply-secret",
      CHANNEL_TICK_MS: "100",
      CHANNEL_RETRY_BASE_MS: "200",
      ...env,
    },
    overrides: await variant.overrides(),
  });
  cleanups.push(() => s.dispose());
  return { s, smtp };
}
