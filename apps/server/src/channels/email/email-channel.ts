import { ContinueByEmail, Id, InboundEmail } from "@handoff/contracts";
import { continueByEmail, EmailChannelAdapter, EmailIntake } from "@handoff/core";
import type { Request, Response } from "express";
import { z } from "zod";
import { currentUser } from "../../http/auth-middleware";
import { answerAccepted, apiKeyOnly } from "../channel-http";
import type { ChannelFactory } from "../server-channel";
import { imapPoller } from "./imap-poller";
import { smtpEmailSender } from "./smtp-email-sender";

const Params = z.object({ id: Id });

/**
 * Email: replies over SMTP with threading headers and a signed reply address; parsed inbound emails
 * posted by the mail provider (API key) land in their conversation; a customer who leaves their email
 * when nobody is free gets the team's answers by email. Configured by EMAIL_REPLY_DOMAIN,
 * EMAIL_REPLY_SECRET and SMTP_URL; without them the routes answer 409 and nothing is emailed. With
 * IMAP_URL, customers' emails are also read from that mailbox (the same intake as the webhook).
 */
export const emailChannel: ChannelFactory = ({ platform, deps }) => {
  const { config, logger } = platform;
  const settings =
    config.EMAIL_REPLY_DOMAIN && config.EMAIL_REPLY_SECRET && config.SMTP_URL
      ? { replyDomain: config.EMAIL_REPLY_DOMAIN, replySecret: config.EMAIL_REPLY_SECRET }
      : null;
  const adapter =
    settings && config.SMTP_URL
      ? new EmailChannelAdapter(
          deps,
          settings,
          smtpEmailSender(config.SMTP_URL, config.EMAIL_FROM ?? config.MAIL_FROM),
        )
      : null;
  const intake = new EmailIntake(deps, settings);
  const poller =
    settings && config.IMAP_URL
      ? imapPoller({
          url: config.IMAP_URL,
          intervalMs: config.IMAP_POLL_MS,
          logger,
          receive: (email) => intake.receive(email),
        })
      : null;
  let stopped = false;
  // A customer who left their email gets the team's answers by email from then on.
  const detachContacts = platform.notifier.attach((event) => {
    if (event.type !== "contact.left" || !settings || stopped) return;
    const { conversationId, email } = event.data;
    continueByEmail(deps, settings, conversationId, email, null).catch((err: unknown) =>
      logger.warn({ err, conversationId }, "could not put a conversation on email"),
    );
  });
  return {
    adapter,
    mountRoutes(app, { agents }) {
      app.post("/api/channels/email/inbound", apiKeyOnly, agents, async (req: Request, res: Response) => {
        answerAccepted(logger, res, await intake.receive(InboundEmail.parse(req.body)));
      });
      app.post("/api/conversations/:id/email", agents, async (req: Request, res: Response) => {
        const { id } = Params.parse(req.params);
        const { address } = ContinueByEmail.parse(req.body ?? {});
        res.json({ link: await continueByEmail(deps, settings, id, address, currentUser(res)) });
      });
    },
    stop() {
      stopped = true;
      poller?.stop();
      detachContacts();
    },
  };
};
