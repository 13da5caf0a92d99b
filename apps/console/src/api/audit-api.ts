import { z } from "zod";
import { AuditEvent, type AuditQuery } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** The export formats GET /api/audit/export offers. */
export type AuditExportFormat = "csv" | "jsonl";

/** GET /api/audit: newest first, by action, conversation, words and period. */
export const listAudit = (client: RestClient, query: Partial<AuditQuery>) =>
  client.get(z.object({ events: z.array(AuditEvent) }), "/api/audit", query).then((r) => r.events);

/** Downloads the audit log (same filters) as CSV or JSON Lines. */
export const exportAudit = (
  client: RestClient,
  format: AuditExportFormat,
  query: Pick<Partial<AuditQuery>, "action" | "conversationId" | "text" | "from" | "to">,
) => client.download("/api/audit/export", { ...query, format }, `audit.${format}`);
