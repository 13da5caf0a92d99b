import type { Express, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { ApproverPrefsPatch, Id } from "@handoff/contracts";
import { currentUser } from "../http/auth-middleware";
import type { ApproverRuntime } from "./approver-runtime";

const Params = z.object({ id: Id });

/**
 * Who takes approvals outside the console. Everyone sets their own (GET / PATCH /api/me/approvals:
 * email me approvals, my Slack member id); supervisors list everyone's and set them for a person
 * (GET /api/approvers, PATCH /api/approvers/:id). Changes are audited.
 */
export function mountApproverPrefRoutes(
  app: Express,
  runtime: ApproverRuntime,
  roles: { agents: RequestHandler; supervisors: RequestHandler },
): void {
  const { directory } = runtime;
  app.get("/api/me/approvals", roles.agents, async (_req: Request, res: Response) => {
    res.json(await directory.prefs(currentUser(res).id));
  });
  app.patch("/api/me/approvals", roles.agents, async (req: Request, res: Response) => {
    const user = currentUser(res);
    res.json(await directory.update(user.id, ApproverPrefsPatch.parse(req.body), user));
  });
  app.get("/api/approvers", roles.supervisors, async (_req: Request, res: Response) => {
    res.json({ approvers: await directory.list() });
  });
  app.patch("/api/approvers/:id", roles.supervisors, async (req: Request, res: Response) => {
    const { id } = Params.parse(req.params);
    res.json(await directory.update(id, ApproverPrefsPatch.parse(req.body), currentUser(res)));
  });
}
