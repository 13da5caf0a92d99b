import { afterEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { ConversationSnapshot } from "@handoff/contracts";
import { api, AGENT, storeVariants, type StoreVariant } from "../../testing";
import { signIn, until } from "../channels-test-kit";
import { hasDovecot, startDovecot } from "./dovecot-server";
import { emailTestServer, REPLY_DOMAIN } from "./email-test-server";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Mailbox = Awaited<ReturnType<typeof startDovecot>>;

/** A server reading the support mailbox of a real dovecot every 200 ms, and answering by SMTP. */
async function imapServer(variant: StoreVariant) {
  const imap = await startDovecot();
  cleanups.push(() => imap.close());
  const { s, smtp } = await emailTestServer(variant, cleanups, {
    IMAP_URL: imap.url("support"),
    IMAP_POLL_MS: "200",
  });
  return { s, smtp, imap };
}

/** Delivers a plain-text email with these headers into the support mailbox. */
const deliver = (imap: Mailbox, headers: Record<string, string>, text: string) =>
  imap.deliver(
    "support",
    `${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join("\r\n")}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`,
  );

/** Waits until the email with this Message-ID is flagged seen in the support mailbox. */
const flaggedSeen = (imap: Mailbox, messageId: string) =>
  until(`${messageId} flagged seen`, async () =>
    (await imap.seen("support"))[messageId] ? true : undefined,
  );

if (!hasDovecot)
  console.warn("IMAP tests skipped: /usr/sbin/dovecot is missing (apt-get install dovecot-imapd)");

describe.skipIf(!hasDovecot).each(storeVariants("imap"))("email read over IMAP on $name", (variant) => {
  it("an email in the mailbox starts a conversation the bot answers by SMTP; the customer's reply continues it", async () => {
    const { s, smtp, imap } = await imapServer(variant);
    const first = "<imap-first@mail.example.com>";
    await deliver(
      imap,
      { From: "Eve <eve@example.com>", To: "support@example.test", Subject: "Delivery", "Message-ID": first },
      "How long does standard delivery take?",
    );
    const answer = await until("the bot's answer by email", () =>
      smtp.received.find((m) => m.to.includes("eve@example.com")),
    );
    const parsed = await simpleParser(answer.raw);
    expect(parsed.subject).toBe("Re: Delivery");
    expect(parsed.inReplyTo).toBe(first);
    const replyTo = parsed.replyTo?.value[0]?.address ?? "";
    expect(replyTo).toMatch(/^reply\+[0-9a-f]{52}@reply\.example\.test$/);
    // Taken once: flagged seen, so the next polls leave it.
    expect(await flaggedSeen(imap, first)).toBe(true);

    const ours = parsed.messageId ?? "";
    await deliver(
      imap,
      {
        From: "Eve <eve@example.com>",
        To: replyTo,
        Subject: "Re: Delivery",
        "Message-ID": "<imap-second@mail.example.com>",
        "In-Reply-To": ours,
        References: `${first} ${ours}`,
      },
      "And to Canada?\r\n\r\nOn Mon, Support wrote:\r\n> earlier answer",
    );
    const customerTexts = async () => {
      const conversations = await s.platform.store.conversations.list({ limit: 10 });
      const eve = conversations.filter((c) => c.customer.email === "eve@example.com");
      expect(eve).toHaveLength(1);
      const res = await api(s, "GET", `/api/conversations/${eve[0]?.id}`, undefined, await signIn(s, AGENT));
      return ConversationSnapshot.parse(res.body)
        .messages.filter((m) => m.author === "customer")
        .map((m) => m.text);
    };
    expect(
      await until("the reply in the same conversation", async () => {
        const texts = await customerTexts();
        return texts.length === 2 ? texts : undefined;
      }),
    ).toEqual(["How long does standard delivery take?", "And to Canada?"]);
  });

  it("an email the intake refuses (a forged reply address) is marked seen and stores nothing", async () => {
    const { s, imap, smtp } = await imapServer(variant);
    const forged = `reply+${"0".repeat(52)}@${REPLY_DOMAIN}`;
    await deliver(
      imap,
      {
        From: "Mallory <mallory@example.com>",
        To: forged,
        Subject: "Re: hi",
        "Message-ID": "<forged@x.test>",
      },
      "let me in",
    );
    expect(await flaggedSeen(imap, "<forged@x.test>")).toBe(true);
    expect(smtp.received).toEqual([]);
    expect(await s.platform.store.conversations.list({ limit: 10 })).toEqual([]);
  });
});
