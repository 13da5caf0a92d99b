import type { ApprovalReview } from "@handoff/contracts";

/** What an approver reads outside the console before deciding: never a blind approve. */
export interface ApprovalSummary {
  question: string;
  draft: string;
  /** "62%" */
  confidence: string;
  /** Why it waits: the route reason and any risk flags with their evidence. */
  reason: string;
  reasoning: string;
  deadline: string;
}

const REASONS: Record<ApprovalReview["packet"]["routeReason"], string> = {
  high_confidence: "high confidence",
  medium_confidence: "medium confidence",
  low_confidence: "low confidence",
  risk_rule: "a risk rule",
  human_request: "the customer asked for a person",
  out_of_scope: "out of scope",
  model_error: "the model failed",
  guided_redraft: "a redraft after guidance",
  timeout: "a timeout",
  customer_request: "the customer's request",
  shadow_mode: "shadow mode",
  recovery_failed: "a recovery failure",
};

/** The parts of a pending approval an email or a Slack message shows. */
export function approvalSummary(review: ApprovalReview): ApprovalSummary {
  const { packet } = review;
  const flags = packet.riskFlags.map((f) => `${f.category.replaceAll("_", " ")} ("${f.evidence}")`);
  return {
    question: packet.question,
    draft: packet.draft.text,
    confidence: `${Math.round(packet.confidence.score * 100)}%`,
    reason: [REASONS[packet.routeReason] ?? packet.routeReason, ...flags].join("; "),
    reasoning: packet.reasoning,
    deadline: new Date(review.deadline).toUTCString(),
  };
}

/** The addresses an approver may use: each signed link, and the conversation in the console. */
export interface ApprovalLinks {
  approve: string;
  reject: string;
  open: string;
}

/** The subject and plain text of the email that asks one approver to decide. */
export function approvalEmail(
  review: ApprovalReview,
  links: ApprovalLinks,
): { subject: string; text: string } {
  const s = approvalSummary(review);
  const question = s.question.length > 60 ? `${s.question.slice(0, 57)}...` : s.question;
  return {
    subject: `Approval needed: ${question.replace(/\s+/g, " ")}`,
    text: [
      "A reply is waiting for your approval.",
      "",
      `Customer asked:\n${s.question}`,
      "",
      `Draft reply:\n${s.draft}`,
      "",
      `Confidence: ${s.confidence}`,
      `Why it waits: ${s.reason}`,
      `Reasoning: ${s.reasoning}`,
      `Decide before: ${s.deadline}`,
      "",
      `Approve and send: ${links.approve}`,
      `Reject (you will be asked why): ${links.reject}`,
      `Open: ${links.open}`,
      "",
      "Each link asks you to confirm before anything happens, works for you only, and stops working once",
      "the approval is decided (by you or anyone else) or the link expires.",
      "",
    ].join("\n"),
  };
}
