import { useCallback, useState } from "react";
import type { Review } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { decideReview } from "../api/requests";
import type { BatchState } from "../inbox/inbox-panel";

/** Which drafts the agent has looked at, which are ticked, and approving the ticked ones together. */
export function useBatch(socket: ConsoleSocket | null): BatchState & { markViewed(review: Review): void } {
  const [viewed, setViewed] = useState<Set<string>>(() => new Set());
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const markViewed = useCallback((review: Review) => {
    setViewed((v) => (v.has(review.id) ? v : new Set(v).add(review.id)));
  }, []);

  const toggle = useCallback((review: Review, checked: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (checked) next.add(review.id);
      else next.delete(review.id);
      return next;
    });
  }, []);

  const approve = useCallback(async () => {
    if (!socket) return;
    setBusy(true);
    setResult(null);
    const ids = [...selected];
    const outcomes = await Promise.allSettled(ids.map((id) => decideReview(socket, id, { type: "approve" })));
    const failed = outcomes.filter((o) => o.status === "rejected").length;
    setResult(
      failed
        ? `${ids.length - failed} approved, ${failed} could not be (already handled?)`
        : `${ids.length} drafts approved and sent`,
    );
    setSelected(new Set());
    setBusy(false);
  }, [socket, selected]);

  const clear = useCallback(() => setSelected(new Set()), []);

  return { viewed, selected, busy, result, toggle, approve: () => void approve(), clear, markViewed };
}
