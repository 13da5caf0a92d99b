interface Props {
  selected: number;
  busy: boolean;
  result: string | null;
  onApprove(): void;
  onClear(): void;
}

/** Approves several viewed drafts of the same kind at once. */
export function BatchBar({ selected, busy, result, onApprove, onClear }: Props) {
  return (
    <div className="batch-bar" role="region" aria-label="Batch approval">
      {selected === 0 ? (
        <p className="hint">
          Open a draft to review it; reviewed drafts of the same kind can then be ticked and approved
          together.
        </p>
      ) : (
        <>
          <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={onApprove}>
            Approve {selected} selected
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={onClear}>
            Clear
          </button>
        </>
      )}
      {result && (
        <p className="hint" role="status">
          {result}
        </p>
      )}
    </div>
  );
}
