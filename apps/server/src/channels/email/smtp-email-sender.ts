import { createTransport } from "nodemailer";
import type { EmailSender } from "@handoff/core";

// A mail server that does not answer must not hold a delivery past its claim (two minutes).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Sends the email channel's replies through SMTP (nodemailer), with the threading headers core chose. */
export function smtpEmailSender(smtpUrl: string, from: string): EmailSender {
  const transport = createTransport({ url: smtpUrl, ...TIMEOUTS }, { from });
  return async (mail) => {
    await transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references.length > 0 ? { references: mail.references } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    });
  };
}
