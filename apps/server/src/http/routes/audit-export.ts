import type { Request, Response } from "express";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { AuditQuery } from "@handoff/contracts";
import type { Platform } from "../../app/create-platform";
import { searchService } from "./search-routes";

const ExportQuery = AuditQuery.extend({
  format: z.enum(["csv", "jsonl"]).default("jsonl"),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

/** GET /api/audit/export?format=csv|jsonl (supervisors): the audit log as a download. */
export const exportAudit = (platform: Platform) => {
  const search = searchService(platform);
  return async (req: Request, res: Response) => {
    const { format, ...query } = ExportQuery.parse(req.query);
    if (query.conversationId) query.conversationId = await search.resolveConversationId(query.conversationId);
    const events = await platform.store.audit.list(query);
    res.attachment(`audit.${format}`);
    if (format === "jsonl") {
      res
        .type("application/x-ndjson")
        .send(events.map((e) => JSON.stringify(e)).join("\n") + (events.length ? "\n" : ""));
      return;
    }
    const rows = events.map((e) => [
      e.at,
      e.action,
      e.actor.type,
      e.actor.id ?? "",
      e.actor.name ?? "",
      e.conversationId ?? "",
      JSON.stringify(e.details),
    ]);
    res.type("text/csv").send(
      stringify(rows, {
        header: true,
        columns: ["at", "action", "actor_type", "actor_id", "actor_name", "conversation_id", "details"],
      }),
    );
  };
};
