import type { Express, RequestHandler } from "express";
import type { Platform } from "../app/create-platform";
import { mountApprovalLinkRoutes } from "./approval-link-routes";
import { approversFor } from "./approver-runtime";
import { mountApproverPrefRoutes } from "./approver-pref-routes";
import { mountSlackInteractivityRoute } from "./slack-interactivity-route";

/** Approvers outside the console: preferences, emailed links, Slack buttons (and the notifications). */
export function mountApprovers(
  app: Express,
  platform: Platform,
  roles: { agents: RequestHandler; supervisors: RequestHandler },
): void {
  const runtime = approversFor(platform);
  mountApproverPrefRoutes(app, runtime, roles);
  mountApprovalLinkRoutes(app, platform, runtime);
  mountSlackInteractivityRoute(app, platform, runtime);
}
