import { z } from "zod";
import {
  Correction,
  type CorrectionApprove,
  type CorrectionBulk,
  type CorrectionQuery,
} from "@handoff/contracts";
import { listAudit } from "./audit-api";
import type { RestClient } from "./rest-client";

const One = z.object({ correction: Correction });

/** What POST /api/corrections/bulk reports per id (the server's shape; contracts has no schema for it). */
const BulkResults = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      status: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});
export type BulkResults = z.infer<typeof BulkResults>["results"];

/** GET /api/corrections: by status and free text. */
export const listCorrections = (client: RestClient, query: Partial<CorrectionQuery>) =>
  client
    .get(z.object({ corrections: z.array(Correction) }), "/api/corrections", query)
    .then((r) => r.corrections);

/** Approves, optionally rewritten into a reusable example and tagged. */
export const approveCorrection = (client: RestClient, id: string, rewrite: CorrectionApprove) =>
  client.post(One, `/api/corrections/${encodeURIComponent(id)}/approve`, rewrite).then((r) => r.correction);

/** Rejects with the supervisor's reason. */
export const rejectCorrection = (client: RestClient, id: string, reason: string) =>
  client.post(One, `/api/corrections/${encodeURIComponent(id)}/reject`, { reason }).then((r) => r.correction);

/** Takes an approved correction out of use. */
export const retireCorrection = (client: RestClient, id: string) =>
  client.post(One, `/api/corrections/${encodeURIComponent(id)}/retire`, {}).then((r) => r.correction);

/** Keeps one correction; the duplicates are rejected as merged into it. */
export const mergeCorrections = (client: RestClient, keepId: string, duplicateIds: string[]) =>
  client.post(One, "/api/corrections/merge", { keepId, duplicateIds }).then((r) => r.correction);

/** The same action on many corrections; each id reports its own outcome. */
export const bulkCorrections = (client: RestClient, body: z.input<typeof CorrectionBulk>) =>
  client.post(BulkResults, "/api/corrections/bulk", body).then((r) => r.results);

/**
 * Who created each correction, by correction id. A correction stores only its author's user id;
 * the audit event that recorded its creation carries the name.
 */
export async function correctionAuthors(client: RestClient): Promise<Map<string, string>> {
  const events = await listAudit(client, { action: "correction.created", limit: 1000 });
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.action === "correction.created" && e.details.correctionId && e.actor.name)
      names.set(e.details.correctionId, e.actor.name);
  }
  return names;
}
