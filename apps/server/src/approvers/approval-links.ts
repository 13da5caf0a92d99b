import type { ApprovalLinkAction } from "@handoff/contracts";
import { approvalLinkClaims, signApprovalLink, type ApprovalLinks } from "@handoff/core";

/** The page of an emailed approval link. */
export const linkUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, "")}/api/approval-links/${token}`;

/** The console page of a conversation (sign-in first when needed). */
export const consoleConversationUrl = (publicUrl: string, conversationId: string) =>
  `${publicUrl.replace(/\/+$/, "")}/console/#/conversations/${encodeURIComponent(conversationId)}`;

/** Signed approve, reject and open links for one person and one review. */
export function signedLinks(
  input: { secret: string; publicUrl: string; reviewId: string; userId: string },
  nowSeconds: number,
  ttlSeconds: number,
): ApprovalLinks {
  const link = (action: ApprovalLinkAction) =>
    linkUrl(
      input.publicUrl,
      signApprovalLink(
        input.secret,
        approvalLinkClaims(
          { reviewId: input.reviewId, userId: input.userId, action },
          nowSeconds,
          ttlSeconds,
        ),
      ),
    );
  return { approve: link("approve"), reject: link("reject"), open: link("open") };
}
