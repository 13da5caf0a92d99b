import { randomUUID } from "node:crypto";
import { createTransport } from "nodemailer";
import type { ApprovalReview, Review } from "@handoff/contracts";
import { approvalEmail, approvalSlackMessage, type ApproverDirectory } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { consoleConversationUrl, signedLinks } from "./approval-links";
import { approvalEmailHtml } from "./approval-pages";
import { postToSlack } from "./slack-poster";

// An unreachable mail server must not hold the notifications of the next approvals for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
const notifiedKey = (reviewId: string) => `approval-notified:${reviewId}`;

/**
 * Sends each approval that opens to the approvers outside the console: an email with signed links to
 * the people who asked for approvals by email in the team that handles its category (everyone who
 * asked, when that team has none; SMTP_URL and PUBLIC_URL set), and a message with buttons to
 * SLACK_WEBHOOK_URL that mentions that team's linked Slack members. Once per review, whichever instance raised it: a pause reopened by
 * recovery is not sent again.
 * Failures are logged, never thrown: the approval is in the console whatever happens to the mail.
 */
export function approvalNotifier(
  platform: Platform,
  deps: { directory: ApproverDirectory; secret: () => Promise<string> },
) {
  const { config, logger, store } = platform;
  const transport =
    config.SMTP_URL && config.PUBLIC_URL
      ? createTransport({ url: config.SMTP_URL, ...TIMEOUTS }, { from: config.MAIL_FROM })
      : null;

  const email = async (review: ApprovalReview, publicUrl: string) => {
    if (!transport) return;
    const secret = await deps.secret();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const ttlSeconds = Math.round(config.APPROVAL_LINK_HOURS * 3600);
    for (const approver of await deps.directory.emailRecipients(review.packet.category)) {
      const links = signedLinks(
        { secret, publicUrl, reviewId: review.id, userId: approver.userId },
        nowSeconds,
        ttlSeconds,
      );
      try {
        await transport.sendMail({
          to: approver.email,
          ...approvalEmail(review, links),
          html: approvalEmailHtml(review, links),
        });
      } catch (err) {
        logger.warn({ err, reviewId: review.id, userId: approver.userId }, "could not email an approval");
      }
    }
  };

  const slack = async (review: ApprovalReview) => {
    if (!config.SLACK_WEBHOOK_URL) return;
    const openUrl = config.PUBLIC_URL
      ? consoleConversationUrl(config.PUBLIC_URL, review.conversationId)
      : null;
    const mentions = await deps.directory.slackMembers(review.packet.category);
    const error = await postToSlack(
      config.SLACK_WEBHOOK_URL,
      approvalSlackMessage(review, openUrl, mentions),
    );
    if (error) logger.warn({ reviewId: review.id, error }, "could not post an approval to Slack");
  };

  return async (opened: Review): Promise<void> => {
    if (opened.kind !== "approval" || opened.status !== "pending") return;
    if (!transport && !config.SLACK_WEBHOOK_URL) return;
    // The lease makes check-and-mark one step across instances; the mark outlives it.
    const lease = notifiedKey(opened.id);
    const owner = randomUUID();
    if (!(await store.leases.acquire(lease, owner, 60_000))) return;
    try {
      if ((await store.kv.get(notifiedKey(opened.id))) === true) return;
      await store.kv.set(notifiedKey(opened.id), true);
    } finally {
      await store.leases.release(lease, owner);
    }
    // Opened out of hours, the timeout policy may already have decided it.
    const review = await store.reviews.get(opened.id);
    if (review?.kind !== "approval" || review.status !== "pending") return;
    await Promise.all([config.PUBLIC_URL ? email(review, config.PUBLIC_URL) : null, slack(review)]);
  };
}
