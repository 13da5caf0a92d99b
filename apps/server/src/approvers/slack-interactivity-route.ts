import express, { type Express, type Request, type Response } from "express";
import {
  DomainError,
  SlackBlockActions,
  decidedSlackMessage,
  ephemeralSlackMessage,
  slackDecision,
  verifySlackRequest,
  type SlackMessage,
} from "@handoff/core";
import type { ReviewDecision } from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import type { ApproverRuntime } from "./approver-runtime";
import { approvalById, decideOutside, decisionWord } from "./decide-outside";
import { postToSlack } from "./slack-poster";

/** The form field Slack puts the interaction's JSON in. */
function payloadOf(rawBody: string): SlackBlockActions | null {
  const field = new URLSearchParams(rawBody).get("payload");
  if (field === null) return null;
  try {
    return SlackBlockActions.safeParse(JSON.parse(field)).data ?? null;
  } catch {
    return null;
  }
}

/** What a click comes to, as the Slack message shows it. */
async function answerClick(
  platform: Platform,
  runtime: ApproverRuntime,
  payload: SlackBlockActions,
): Promise<SlackMessage | null> {
  const { action, reviewId, reason } = slackDecision(payload);
  // Open is a link button: Slack reports the click, the browser does the rest.
  if ((action !== "approve" && action !== "reject") || !reviewId) return null;
  const person = await runtime.directory.bySlackUser(payload.user.id);
  if (!person)
    return ephemeralSlackMessage(
      "Your Slack account is not linked to an active Handoff Desk account, so nothing was decided. " +
        "Add your Slack member id under Approvals on your account page (or ask a supervisor).",
    );
  const review = await approvalById(platform, reviewId);
  if (!review) return ephemeralSlackMessage("This approval no longer exists.");
  if (action === "reject" && !reason)
    return ephemeralSlackMessage("Type a reason in the field above the buttons, then press Reject.");
  const decision: ReviewDecision = action === "approve" ? { type: "approve" } : { type: "reject", reason };
  const outcome = await decideOutside(platform, { reviewId, person, decision, channel: "Slack" });
  if (outcome.kind === "not_found") return ephemeralSlackMessage("This approval no longer exists.");
  if (outcome.kind === "already")
    return decidedSlackMessage(
      outcome.review,
      `Already ${decisionWord(outcome.review.decision)} ${outcome.by}; your click changed nothing`,
    );
  return decidedSlackMessage(
    outcome.review,
    action === "approve"
      ? `Approved by ${person.name}: the reply was sent`
      : `Rejected by ${person.name}: ${reason} (the conversation goes to a person)`,
  );
}

/**
 * POST /api/slack/interactivity, the Slack app's Request URL. The signature (X-Slack-Signature over
 * the raw body with SLACK_SIGNING_SECRET) and its timestamp (5 minutes at most) are checked before
 * anything is read; a refused request changes nothing. Slack wants an answer within 3 seconds, so the
 * click is acknowledged at once and its result replaces the message through the response_url.
 */
export function mountSlackInteractivityRoute(
  app: Express,
  platform: Platform,
  runtime: ApproverRuntime,
): void {
  app.post(
    "/api/slack/interactivity",
    express.raw({ type: "application/x-www-form-urlencoded", limit: "100kb" }),
    async (req: Request, res: Response) => {
      const secret = platform.config.SLACK_SIGNING_SECRET;
      if (!secret)
        throw new DomainError("not_found", "Slack is not set up on this server (SLACK_SIGNING_SECRET)");
      const rawBody = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      const signed = verifySlackRequest(
        secret,
        {
          timestamp: req.get("x-slack-request-timestamp"),
          signature: req.get("x-slack-signature"),
          rawBody,
        },
        Math.floor(Date.now() / 1000),
      );
      if (!signed) throw new DomainError("unauthorized", "the Slack signature or its timestamp is not valid");
      const payload = payloadOf(rawBody);
      if (!payload)
        throw new DomainError(
          "bad_request",
          "expected a form field `payload` with a block_actions interaction",
        );
      res.status(200).end();
      runtime.track(
        answerClick(platform, runtime, payload).then(async (message) => {
          if (!message) return;
          const error = await postToSlack(payload.response_url, message);
          if (error) platform.logger.warn({ error }, "could not answer a Slack click");
        }),
      );
    },
  );
}
