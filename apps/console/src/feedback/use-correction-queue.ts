import { useCallback, useState } from "react";
import type { Correction, CorrectionApprove } from "@handoff/contracts";
import {
  approveCorrection,
  bulkCorrections,
  correctionAuthors,
  listCorrections,
  mergeCorrections,
  rejectCorrection,
  retireCorrection,
  type BulkResults,
} from "../api/corrections-api";
import type { RestClient } from "../api/rest-client";
import { count } from "../components/count";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import type { CorrectionActions } from "./correction-card";
import type { StatusFilter } from "./queue-filters";

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function bulkSummary(verb: string, results: BulkResults): string {
  const failed = results.filter((r) => !r.ok);
  const done = `${results.length - failed.length} ${verb}`;
  return failed.length ? `${done}; ${failed.length} could not be: ${failed[0]?.error ?? "refused"}` : done;
}

/**
 * The feedback queue's data and actions: the filtered corrections, who wrote them, and approve,
 * reject, retire, merge and bulk actions, each followed by a reload and a line saying what happened.
 */
export function useCorrectionQueue(client: RestClient, status: StatusFilter, query: string) {
  const load = useCallback(
    () => listCorrections(client, { status: status === "all" ? undefined : status, q: query || undefined }),
    [client, status, query],
  );
  const list = useRemote(load);
  const loadAuthors = useCallback(() => correctionAuthors(client), [client]);
  const authors = useRemote(loadAuthors);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const { reload } = list;

  /** Runs one change; on success reloads the list and says what happened. */
  const change = useCallback(
    async (work: () => Promise<string>): Promise<boolean> => {
      setDone(null);
      const message = await run(work);
      if (message === undefined) return false;
      setDone(message);
      reload();
      return true;
    },
    [run, reload],
  );

  const actions: CorrectionActions = {
    approve: (c: Correction, rewrite: CorrectionApprove) =>
      change(async () => {
        await approveCorrection(client, c.id, rewrite);
        return `Approved: “${short(rewrite.question ?? c.question)}”`;
      }),
    reject: (c, reason) =>
      change(async () => {
        await rejectCorrection(client, c.id, reason);
        return `Rejected: “${short(c.question)}”`;
      }),
    retire: (c) =>
      change(async () => {
        await retireCorrection(client, c.id);
        return `Retired: “${short(c.question)}”. The bot no longer uses it.`;
      }),
  };

  const bulkApprove = (ids: string[]) =>
    change(async () => bulkSummary("approved", await bulkCorrections(client, { action: "approve", ids })));
  const bulkReject = (ids: string[], reason: string) =>
    change(async () =>
      bulkSummary("rejected", await bulkCorrections(client, { action: "reject", ids, reason })),
    );
  const merge = (keepId: string, duplicateIds: string[]) =>
    change(async () => {
      await mergeCorrections(client, keepId, duplicateIds);
      return `Merged ${count(duplicateIds.length, "duplicate")} into one correction`;
    });

  return {
    corrections: list.data ?? [],
    loading: list.loading,
    loadError: list.error,
    authors: authors.data,
    busy,
    error,
    done,
    actions,
    bulkApprove,
    bulkReject,
    merge,
  };
}
