import { useState } from "react";
import type { Correction } from "@handoff/contracts";
import { TextForm } from "../components/text-form";
import { MergeForm } from "./merge-form";

interface Props {
  selected: Correction[];
  busy: boolean;
  onApprove(): void;
  onReject(reason: string): Promise<boolean>;
  onMerge(keepId: string, duplicateIds: string[]): Promise<boolean>;
  onClear(): void;
}

/** Actions on every ticked correction at once: approve, reject with one reason, or merge duplicates. */
export function BulkBar({ selected, busy, onApprove, onReject, onMerge, onClear }: Props) {
  const [mode, setMode] = useState<"idle" | "reject" | "merge">("idle");
  const count = selected.length;
  const them = count === 1 ? "this correction" : `these ${count} corrections`;
  const decidable = selected.every((c) => c.status === "pending");
  const mergeable = count >= 2 && selected.every((c) => c.status === "pending" || c.status === "approved");
  const close = (ok: boolean) => {
    if (ok) setMode("idle");
  };

  if (count === 0) return null;
  return (
    <div className="bulk-bar" role="region" aria-label="Selected corrections">
      <div className="bulk-actions">
        <strong>{count} selected</strong>
        <button
          type="button"
          className="btn btn-success btn-small"
          disabled={busy || !decidable}
          onClick={onApprove}
        >
          Approve {count} selected
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || !decidable}
          onClick={() => setMode("reject")}
        >
          Reject {count} selected
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || !mergeable}
          onClick={() => setMode("merge")}
        >
          Merge duplicates
        </button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={onClear}>
          Clear selection
        </button>
        {!decidable && (
          <span className="hint">Only pending corrections can be approved or rejected together.</span>
        )}
      </div>
      {mode === "reject" && (
        <TextForm
          label={`Why reject ${them}?`}
          submitLabel={count === 1 ? "Reject 1 correction" : `Reject ${count} corrections`}
          rows={2}
          busy={busy}
          onSubmit={(reason) => void onReject(reason).then(close)}
          onCancel={() => setMode("idle")}
        />
      )}
      {mode === "merge" && (
        <MergeForm
          corrections={selected}
          busy={busy}
          onSubmit={(keepId, duplicates) => void onMerge(keepId, duplicates).then(close)}
          onCancel={() => setMode("idle")}
        />
      )}
    </div>
  );
}
