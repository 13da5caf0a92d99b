import express, { type Express, type Request, type Response } from "express";
import { z } from "zod";
import { ApprovalLinkForm, type ReviewDecision } from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import { consoleConversationUrl } from "./approval-links";
import { approvePage, messagePage, openPage, rejectPage } from "./approval-pages";
import type { ApproverRuntime } from "./approver-runtime";
import { decideOutside } from "./decide-outside";
import { alreadyDecided, resolveLink } from "./resolve-link";

const Params = z.object({ token: z.string().min(10).max(1000) });
const Reason = z.string().trim().min(1, "Say why the draft is rejected.").max(2000);

/**
 * Emailed approval links. GET shows the approval and asks to confirm, so a mail scanner that fetches
 * every link decides nothing; POST (the confirmation form) applies the decision through the console's
 * path. A link that is forged, expired, for an approval already decided, or for an inactive account
 * is refused with a page that says so.
 */
export function mountApprovalLinkRoutes(app: Express, platform: Platform, runtime: ApproverRuntime): void {
  const consoleUrl = (conversationId: string) =>
    platform.config.PUBLIC_URL ? consoleConversationUrl(platform.config.PUBLIC_URL, conversationId) : null;
  const html = (res: Response, status: number, body: string) => {
    res
      .status(status)
      .set("cache-control", "no-store")
      .set("referrer-policy", "no-referrer")
      .type("html")
      .send(body);
  };

  app.get("/api/approval-links/:token", async (req: Request, res: Response) => {
    const params = Params.safeParse(req.params);
    const resolved = params.success ? await resolveLink(platform, runtime, params.data.token) : null;
    if (!resolved) return html(res, 400, messagePage("Link not valid", "This link is not valid."));
    if (!resolved.ok)
      return html(res, resolved.refusal.status, messagePage(resolved.refusal.title, resolved.refusal.text));
    const { claims, review, person } = resolved.link;
    if (claims.action === "open") return html(res, 200, openPage(review, consoleUrl(review.conversationId)));
    return html(
      res,
      200,
      claims.action === "approve" ? approvePage(review, person.name) : rejectPage(review, person.name),
    );
  });

  app.post(
    "/api/approval-links/:token",
    express.urlencoded({ extended: false, limit: "10kb" }),
    async (req: Request, res: Response) => {
      const params = Params.safeParse(req.params);
      const form = ApprovalLinkForm.safeParse(req.body ?? {});
      if (!params.success || !form.success)
        return html(
          res,
          400,
          messagePage("Bad request", "This form could not be read. Nothing was changed."),
        );
      const resolved = await resolveLink(platform, runtime, params.data.token);
      if (!resolved.ok)
        return html(res, resolved.refusal.status, messagePage(resolved.refusal.title, resolved.refusal.text));
      const { claims, review, person } = resolved.link;
      if (claims.action === "open")
        return html(res, 405, messagePage("Nothing to confirm", "This link only shows the approval."));
      let decision: ReviewDecision = { type: "approve" };
      if (claims.action === "reject") {
        const reason = Reason.safeParse(form.data.reason ?? "");
        if (!reason.success)
          return html(
            res,
            400,
            rejectPage(review, person.name, reason.error.issues[0]?.message ?? "Say why."),
          );
        decision = { type: "reject", reason: reason.data };
      }
      const outcome = await decideOutside(platform, {
        reviewId: review.id,
        person,
        decision,
        channel: "email link",
      });
      if (outcome.kind === "not_found")
        return html(res, 404, messagePage("Not found", "This approval no longer exists."));
      if (outcome.kind === "already") {
        const refusal = alreadyDecided(outcome.review, outcome.by);
        return html(res, refusal.status, messagePage(refusal.title, refusal.text));
      }
      const link = consoleUrl(review.conversationId);
      return html(
        res,
        200,
        claims.action === "approve"
          ? messagePage(
              "Approved",
              "The reply was sent to the customer.",
              link ? { href: link, label: "Open the conversation" } : undefined,
            )
          : messagePage(
              "Rejected",
              "The draft was not sent; the conversation goes to a person.",
              link ? { href: link, label: "Open the conversation" } : undefined,
            ),
      );
    },
  );
}
