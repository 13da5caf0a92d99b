import { approvalSummary, type ApprovalLinks } from "@handoff/core";
import type { ApprovalReview } from "@handoff/contracts";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** A whole page: server-rendered, no script (the default content security policy holds). */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Handoff Desk</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#1d2330}
blockquote{margin:0 0 1rem;padding:.5rem .75rem;background:#f4f5f7;border-left:4px solid #8a93a6;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
textarea{width:100%;min-height:6rem;font:inherit}button{font:inherit;padding:.5rem 1rem;margin-top:.75rem}
.error{color:#a40e26;font-weight:600}</style></head><body><main><h1>${escape(title)}</h1>
${body}</main></body></html>`;
}

/** The approval as the approver reads it before deciding. */
export function packetHtml(review: ApprovalReview): string {
  const s = approvalSummary(review);
  return `<h2>Customer asked</h2><blockquote>${escape(s.question)}</blockquote>
<h2>Draft reply</h2><blockquote>${escape(s.draft)}</blockquote>
<dl><dt>Confidence</dt><dd>${escape(s.confidence)}</dd><dt>Why it waits</dt><dd>${escape(s.reason)}</dd>
<dt>Reasoning</dt><dd>${escape(s.reasoning)}</dd><dt>Decide before</dt><dd>${escape(s.deadline)}</dd></dl>`;
}

/** A plain message page (a refusal or a result). */
export const messagePage = (title: string, text: string, link?: { href: string; label: string }) =>
  page(
    title,
    `<p>${escape(text)}</p>${link ? `<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>` : ""}`,
  );

/** Approve: the approval and one button; nothing happens until it is pressed (mail scanners only GET). */
export const approvePage = (review: ApprovalReview, who: string) =>
  page(
    "Approve this reply?",
    `<p>This link was sent to ${escape(who)}; you decide as them.</p>${packetHtml(review)}
<form method="post"><button type="submit">Approve and send to the customer</button></form>`,
  );

/** Reject: the approval and a reason (required), as in the console. */
export const rejectPage = (review: ApprovalReview, who: string, error?: string) =>
  page(
    "Reject this reply?",
    `<p>This link was sent to ${escape(who)}; you decide as them.</p>${packetHtml(review)}
<form method="post">${error ? `<p class="error" id="reason-error">${escape(error)}</p>` : ""}
<label for="reason">Why is the draft rejected? (the conversation goes to a person)</label>
<textarea id="reason" name="reason" required maxlength="2000"${error ? ' aria-describedby="reason-error"' : ""}></textarea>
<button type="submit">Reject</button></form>`,
  );

/** Open: the approval, with the way to the console. */
export const openPage = (review: ApprovalReview, consoleUrl: string | null) =>
  page(
    "Approval waiting",
    `${packetHtml(review)}${consoleUrl ? `<p><a href="${escape(consoleUrl)}">Open the conversation in the console</a></p>` : ""}`,
  );

const button = (href: string, label: string, color: string) =>
  `<a href="${escape(href)}" style="display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:6px;background:${color};color:#fff;text-decoration:none;font-weight:600">${escape(label)}</a>`;

/** The HTML part of the approval email: the same approval, and the three links as buttons. */
export function approvalEmailHtml(review: ApprovalReview, links: ApprovalLinks): string {
  return `<!doctype html><html lang="en"><body style="font:15px/1.5 system-ui,sans-serif;color:#1d2330;max-width:640px">
<p>A reply is waiting for your approval.</p>${packetHtml(review)}
<p>${button(links.approve, "Approve and send", "#2b4fc7")}${button(links.reject, "Reject", "#a40e26")}${button(links.open, "Open", "#4a5263")}</p>
<p style="color:#5b6474;font-size:13px">Each link asks you to confirm before anything happens, works for you only, and stops working once the approval is decided (by you or anyone else) or the link expires.</p>
</body></html>`;
}
