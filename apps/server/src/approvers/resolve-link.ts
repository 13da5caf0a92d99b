import type { ApprovalReview, Person } from "@handoff/contracts";
import { verifyApprovalLink, type ApprovalLinkClaims } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import type { ApproverRuntime } from "./approver-runtime";
import { approvalById, decidedBy, decisionWord } from "./decide-outside";

/** Why a link does nothing, as the page says it. */
export interface LinkRefusal {
  status: number;
  title: string;
  text: string;
}

/** A link that may act: its claims, its pending approval and the active person it was sent to. */
export interface ValidLink {
  claims: ApprovalLinkClaims;
  review: ApprovalReview;
  person: Person;
}

/** The refusal a page shows for an approval someone already decided. */
export const alreadyDecided = (review: ApprovalReview, by: string): LinkRefusal => ({
  status: 409,
  title: "Already decided",
  text: `This approval was already ${review.status === "expired" ? "closed" : decisionWord(review.decision)} ${by}. Nothing was changed.`,
});

/**
 * Checks an emailed link: signed by this server, not expired, for an approval that still waits, sent
 * to a person whose account is active. Anything else is a refusal that changes nothing.
 */
export async function resolveLink(
  platform: Platform,
  runtime: ApproverRuntime,
  token: string,
): Promise<{ ok: true; link: ValidLink } | { ok: false; refusal: LinkRefusal }> {
  const verified = verifyApprovalLink(await runtime.secret(), token, Math.floor(Date.now() / 1000));
  if (!verified.ok)
    return {
      ok: false,
      refusal:
        verified.reason === "expired"
          ? {
              status: 410,
              title: "Link expired",
              text: "This link has expired. Open the approval in the console.",
            }
          : {
              status: 400,
              title: "Link not valid",
              text: "This link is not valid. Use the link from the email as it was sent.",
            },
    };
  const { claims } = verified;
  const review = await approvalById(platform, claims.reviewId);
  if (!review)
    return {
      ok: false,
      refusal: { status: 404, title: "Not found", text: "This approval no longer exists." },
    };
  const person = await platform.store.users.get(claims.userId);
  if (person?.status !== "active")
    return {
      ok: false,
      refusal: {
        status: 403,
        title: "Not allowed",
        text: "The account this link was sent to is not active.",
      },
    };
  if (review.status !== "pending")
    return { ok: false, refusal: alreadyDecided(review, await decidedBy(platform, review)) };
  return { ok: true, link: { claims, review, person } };
}
