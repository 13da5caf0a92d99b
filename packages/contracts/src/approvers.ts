import { z } from "zod";
import { Id } from "./common";

/** A Slack member id (`U024BE7LH`, or `W...` on Enterprise Grid), as Slack's interaction payloads name a person. */
export const SlackUserId = z
  .string()
  .trim()
  .regex(/^[UW][A-Z0-9]{2,20}$/, "a Slack member id such as U024BE7LH (profile, More, Copy member ID)");

/**
 * How a person takes approvals outside the console: emailed with signed approve / reject / open links,
 * and decided from Slack buttons when their Slack member id is linked to their account.
 */
export const ApproverPrefs = z.object({
  emailApprovals: z.boolean(),
  slackUserId: SlackUserId.nullable(),
});
export type ApproverPrefs = z.infer<typeof ApproverPrefs>;

/** PATCH /api/me/approvals and PATCH /api/approvers/:id: the fields to change. */
export const ApproverPrefsPatch = z
  .strictObject({ emailApprovals: z.boolean().optional(), slackUserId: SlackUserId.nullable().optional() })
  .refine((patch) => patch.emailApprovals !== undefined || patch.slackUserId !== undefined, {
    message: "change emailApprovals or slackUserId",
  });
export type ApproverPrefsPatch = z.infer<typeof ApproverPrefsPatch>;

/** One person's approval preferences, as supervisors list them. */
export const Approver = ApproverPrefs.extend({ userId: Id, name: z.string(), email: z.string() });
export type Approver = z.infer<typeof Approver>;

/** GET /api/approvers (supervisors): every active person's approval preferences. */
export const ApproverList = z.object({ approvers: z.array(Approver) });
export type ApproverList = z.infer<typeof ApproverList>;

/** What an emailed approval link does: decide (approve, reject) or show the approval (open). */
export const ApprovalLinkAction = z.enum(["approve", "reject", "open"]);
export type ApprovalLinkAction = z.infer<typeof ApprovalLinkAction>;

/** The confirmation form of an emailed link (form-encoded); a rejection says why. */
export const ApprovalLinkForm = z.object({ reason: z.string().trim().max(2000).optional() });
export type ApprovalLinkForm = z.infer<typeof ApprovalLinkForm>;
