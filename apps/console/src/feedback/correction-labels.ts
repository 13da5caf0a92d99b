import type { Correction, CorrectionStatus } from "@handoff/contracts";

/** The statuses a supervisor can filter by ("all" shows every status). */
export const STATUS_FILTERS: ReadonlyArray<{ value: CorrectionStatus | "all"; label: string }> = [
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: "retired", label: "Retired" },
  { value: "quarantined", label: "Quarantined" },
  { value: "all", label: "All" },
];

const ORIGINS: Record<string, string> = {
  edit: "Agent edited the draft",
  choose: "Agent chose another draft",
  takeover: "Agent answered in a takeover",
  thumbs_down: "Customer gave a thumbs-down; an agent answered",
};

/**
 * Why a correction exists, in words. Pending ones carry how they arose (an edit, a takeover…) or the
 * agent's reason for rejecting the draft; reviewed ones may carry the supervisor's reason instead.
 */
export function reasonLabel(correction: Pick<Correction, "reason" | "status">): string | null {
  const reason = correction.reason?.trim();
  if (!reason) return null;
  const origin = ORIGINS[reason];
  if (origin) return origin;
  if (correction.status === "quarantined") return `Held back: it ${reason}`;
  if (correction.status === "rejected" || correction.status === "retired") return `Rejected: ${reason}`;
  return `Agent rejected the draft: ${reason}`;
}

/** "refunds, shipping" into ["refunds", "shipping"]: trimmed, no blanks, no repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
