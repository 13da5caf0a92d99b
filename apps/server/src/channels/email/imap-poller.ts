import { InboundEmail } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { AddressObject } from "mailparser";
import type { Logger } from "../../app/logger";

/** Where the mailbox is: imap(s)://user:password@host:port/MAILBOX. */
export function imapMailbox(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "imaps:";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "INBOX",
  };
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/** A raw email as the inbound webhook takes it (mailparser's names), or null when it is not a usable one. */
export async function inboundFromRaw(raw: Buffer): Promise<InboundEmail | null> {
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(raw);
  const from = mail.from?.value[0];
  const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  const parsed = InboundEmail.safeParse({
    messageId: mail.messageId,
    from: { address: from?.address, ...(from?.name ? { name: from.name } : {}) },
    to: [...addresses(mail.to), ...addresses(mail.cc)].filter((a) => a !== ""),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: references.slice(-100),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Reads a mailbox over IMAP (imapflow) every `intervalMs`: each unseen email is parsed (mailparser) and
 * handed to `receive`, the same intake as the inbound webhook, then flagged \Seen. One the intake could
 * not store (the store failed) stays unseen and is tried again at the next poll; one that is no usable
 * email (no Message-ID, no sender) or that the intake refuses (a forged reply address, nothing above
 * the quote) is flagged seen and logged, so it cannot block the mailbox. Polls never overlap.
 */
export function imapPoller(options: {
  url: string;
  intervalMs: number;
  logger: Logger;
  receive: (email: InboundEmail) => Promise<unknown>;
}) {
  const { mailbox, ...connection } = imapMailbox(options.url);
  let running: Promise<void> | null = null;

  /** Whether the email is done with (stored, or refused for good). */
  const take = async (uid: number, source: Buffer): Promise<boolean> => {
    const email = await inboundFromRaw(source);
    if (!email) {
      options.logger.warn({ uid, mailbox }, "an email in the IMAP mailbox is not usable; marked seen");
      return true;
    }
    try {
      await options.receive(email);
      return true;
    } catch (err) {
      options.logger.warn({ err, uid, mailbox }, "an email from the IMAP mailbox was not taken");
      return err instanceof DomainError;
    }
  };

  const pollOnce = async (): Promise<void> => {
    // imapflow and mailparser (with their charset tables, ~4 MB of heap) load with the first poll, so
    // a server that reads no mailbox never carries them.
    const { ImapFlow } = await import("imapflow");
    const client = new ImapFlow({ ...connection, logger: false });
    // A dropped connection fails the poll in progress (logged below), never the process.
    client.on("error", (err: unknown) => options.logger.warn({ err, mailbox }, "IMAP connection error"));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        // Fetched whole first: imapflow runs no other command while a fetch is being read.
        const unseen: Array<{ uid: number; source: Buffer }> = [];
        for await (const message of client.fetch({ seen: false }, { uid: true, source: true }, { uid: true }))
          if (message.source) unseen.push({ uid: message.uid, source: message.source });
        for (const { uid, source } of unseen)
          if (await take(uid, source)) await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  const poll = (): Promise<void> =>
    (running ??= pollOnce()
      .catch((err: unknown) => options.logger.warn({ err, mailbox }, "could not read the IMAP mailbox"))
      .finally(() => {
        running = null;
      }));

  const timer = setInterval(() => void poll(), options.intervalMs);
  timer.unref();
  void poll();
  return {
    /** Reads the mailbox now (or waits for the read in progress). */
    poll,
    stop() {
      clearInterval(timer);
    },
  };
}
