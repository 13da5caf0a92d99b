import { createTransport } from "nodemailer";
import type { AccessLink } from "@handoff/contracts";
import type { AccessLinkMailer, MailOutcome } from "@handoff/core";
import type { Logger } from "../app/logger";
import { accessLinkUrl } from "./access-link-url";

/** Where mail goes: the SMTP server, the sender, and the address the links point to. */
export interface MailSettings {
  SMTP_URL?: string;
  MAIL_FROM: string;
  PUBLIC_URL?: string;
}

// An unreachable mail server must not keep a supervisor waiting on an invitation for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Emails invitations and reset links through SMTP (nodemailer). Without SMTP_URL it sends nothing
 * and says so: the console shows the link to pass on instead. A refusal is logged, never thrown,
 * since the link itself was made and can still be copied.
 */
export function smtpMailer(settings: MailSettings, logger: Logger): AccessLinkMailer {
  const { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl } = settings;
  if (!smtpUrl || !publicUrl) return { send: async () => "not_configured" };
  const transport = createTransport({ url: smtpUrl, ...TIMEOUTS }, { from: settings.MAIL_FROM });
  return {
    async send(link, token): Promise<MailOutcome> {
      try {
        await transport.sendMail({
          to: link.email,
          ...message(link, accessLinkUrl(publicUrl, link.kind, token)),
        });
        return "sent";
      } catch (err) {
        logger.warn({ err, linkId: link.id, kind: link.kind }, "could not email a link");
        return "failed";
      }
    },
  };
}

/** The subject and text of the email for a link. */
export function message(link: AccessLink, url: string): { subject: string; text: string } {
  const from = link.createdBy.name ?? "A supervisor";
  const until = new Date(link.expiresAt).toUTCString();
  if (link.kind === "invite") {
    const role = link.role === "supervisor" ? "a supervisor" : "an agent";
    return {
      subject: "You're invited to the support console",
      text: `${from} invited you to join the support team as ${role}.\n\nChoose your password here (the link works once, until ${until}):\n${url}\n`,
    };
  }
  return {
    subject: "Choose a new password for the support console",
    text: `${from} reset your password for the support console.\n\nChoose a new one here (the link works once, until ${until}):\n${url}\n`,
  };
}
