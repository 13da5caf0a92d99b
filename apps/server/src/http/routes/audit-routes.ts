import type { Request, Response } from "express";
import { AuditQuery } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";

/** GET /api/audit (supervisors) */
export const listAudit = (platform: Platform) => async (req: Request, res: Response) => {
  const query = AuditQuery.parse(req.query);
  res.json({ events: await platform.store.audit.list(query) });
};
