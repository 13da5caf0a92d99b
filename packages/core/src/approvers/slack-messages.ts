import { z } from "zod";
import type { ApprovalReview } from "@handoff/contracts";
import { approvalSummary } from "./approval-summary";

/** Block ids and action ids of the approval message's interactive parts. */
export const SLACK_ACTIONS = {
  approve: "approval.approve",
  reject: "approval.reject",
  open: "approval.open",
  reasonBlock: "approval.reason",
  reasonInput: "reason",
} as const;

/** A Slack message: a fallback text and Block Kit blocks. */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
  replace_original?: boolean;
  response_type?: "ephemeral" | "in_channel";
}

// Slack refuses a text object over 3000 characters.
const clip = (text: string, max = 2900) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);
// mrkdwn reads &, < and > as markup; escaped, a customer's text cannot mention @channel or fake a link.
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const quote = (text: string) =>
  escape(clip(text))
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text: clip(text) } });

function packetBlocks(review: ApprovalReview): unknown[] {
  const s = approvalSummary(review);
  return [
    section(`*Customer asked*\n${quote(s.question)}`),
    section(`*Draft reply*\n${quote(s.draft)}`),
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: clip(
            `Confidence ${s.confidence} · ${escape(s.reason)} · decide before ${s.deadline}\n${escape(s.reasoning)}`,
            1900,
          ),
        },
      ],
    },
  ];
}

/**
 * The message an incoming webhook posts when an approval opens: the packet, a reason field (a
 * rejection needs one), and Approve / Reject buttons carrying the review id, and Open (the console).
 * `mentions` are the Slack members of the team that handles its category (linked ids, checked when
 * linked), so the channel sees whose approval it is.
 */
export function approvalSlackMessage(
  review: ApprovalReview,
  openUrl: string | null,
  mentions: readonly string[] = [],
): SlackMessage {
  const forWhom = mentions.length > 0 ? ` for ${mentions.map((id) => `<@${id}>`).join(" ")}` : "";
  return {
    text: `Approval needed: ${clip(review.packet.question, 150)}`,
    blocks: [
      section(`*A reply is waiting for approval*${forWhom}`),
      ...packetBlocks(review),
      {
        type: "input",
        block_id: SLACK_ACTIONS.reasonBlock,
        optional: true,
        label: { type: "plain_text", text: "Reason (needed to reject)" },
        element: { type: "plain_text_input", action_id: SLACK_ACTIONS.reasonInput, max_length: 2000 },
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: SLACK_ACTIONS.approve,
            value: review.id,
            style: "primary",
            text: { type: "plain_text", text: "Approve" },
          },
          {
            type: "button",
            action_id: SLACK_ACTIONS.reject,
            value: review.id,
            style: "danger",
            text: { type: "plain_text", text: "Reject" },
          },
          // Without PUBLIC_URL there is no address to open.
          ...(openUrl
            ? [
                {
                  type: "button",
                  action_id: SLACK_ACTIONS.open,
                  value: review.id,
                  url: openUrl,
                  text: { type: "plain_text", text: "Open" },
                },
              ]
            : []),
        ],
      },
    ],
  };
}

/** The approval message once decided: the packet, and who decided what (no buttons left). */
export function decidedSlackMessage(review: ApprovalReview, outcome: string): SlackMessage {
  return {
    replace_original: true,
    text: outcome,
    blocks: [section(`*${escape(outcome)}*`), ...packetBlocks(review)],
  };
}

/** A reply only the person who clicked sees; the message stays as it was. */
export function ephemeralSlackMessage(text: string): SlackMessage {
  return { replace_original: false, response_type: "ephemeral", text, blocks: [section(escape(text))] };
}

/** The parts of Slack's block_actions payload (the form field `payload`, JSON) that are used. */
export const SlackBlockActions = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1).max(40) }),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }))
    .min(1),
  response_url: z.string().url(),
  state: z
    .object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ value: z.string().max(3000).nullable().optional() })),
      ),
    })
    .optional(),
});
export type SlackBlockActions = z.infer<typeof SlackBlockActions>;

/** What a button asks for, the review it names, and the reason typed in the message's reason field. */
export function slackDecision(payload: SlackBlockActions): {
  action: "approve" | "reject" | "open" | "other";
  reviewId: string | null;
  reason: string;
} {
  const [clicked] = payload.actions;
  const reason =
    payload.state?.values[SLACK_ACTIONS.reasonBlock]?.[SLACK_ACTIONS.reasonInput]?.value?.trim() ?? "";
  const action =
    clicked?.action_id === SLACK_ACTIONS.approve
      ? "approve"
      : clicked?.action_id === SLACK_ACTIONS.reject
        ? "reject"
        : clicked?.action_id === SLACK_ACTIONS.open
          ? "open"
          : "other";
  return { action, reviewId: clicked?.value ?? null, reason };
}
