import type { Request, Response } from "express";
import { z } from "zod";
import {
  CorrectionApprove,
  CorrectionBulk,
  CorrectionMerge,
  CorrectionQuery,
  CorrectionReject,
  Id,
} from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { currentActor } from "../auth-middleware";

const Params = z.object({ id: Id });

/** GET /api/corrections?status=&q= */
export const listCorrections = (platform: Platform) => async (req: Request, res: Response) => {
  res.json({ corrections: await platform.feedback.list(CorrectionQuery.parse(req.query)) });
};

/** POST /api/corrections/:id/approve (optionally rewritten and tagged) */
export const approveCorrection = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({
    correction: await platform.feedback.approve(
      id,
      CorrectionApprove.parse(req.body ?? {}),
      currentActor(res),
    ),
  });
};

/** POST /api/corrections/:id/reject */
export const rejectCorrection = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  const { reason } = CorrectionReject.parse(req.body);
  res.json({ correction: await platform.feedback.reject(id, reason, currentActor(res)) });
};

/** POST /api/corrections/:id/retire */
export const retireCorrection = (platform: Platform) => async (req: Request, res: Response) => {
  const { id } = Params.parse(req.params);
  res.json({ correction: await platform.feedback.retire(id, currentActor(res)) });
};

/** POST /api/corrections/merge */
export const mergeCorrections = (platform: Platform) => async (req: Request, res: Response) => {
  const { keepId, duplicateIds } = CorrectionMerge.parse(req.body);
  res.json({ correction: await platform.feedback.merge(keepId, duplicateIds, currentActor(res)) });
};

/** POST /api/corrections/bulk: the same action on many; each id reports its own outcome. */
export const bulkCorrections = (platform: Platform) => async (req: Request, res: Response) => {
  const body = CorrectionBulk.parse(req.body);
  const actor = currentActor(res);
  const results = [];
  for (const id of body.ids) {
    try {
      const correction =
        body.action === "approve"
          ? await platform.feedback.approve(id, {}, actor)
          : await platform.feedback.reject(id, body.reason, actor);
      results.push({ id, ok: true, status: correction.status });
    } catch (error) {
      results.push({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  res.json({ results });
};
