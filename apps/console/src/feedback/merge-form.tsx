import { useId, useState, type FormEvent } from "react";
import type { Correction } from "@handoff/contracts";

interface Props {
  corrections: Correction[];
  busy: boolean;
  onSubmit(keepId: string, duplicateIds: string[]): void;
  onCancel(): void;
}

/** Pick which of the selected duplicates to keep; the others are rejected as merged into it. */
export function MergeForm({ corrections, busy, onSubmit, onCancel }: Props) {
  const [keepId, setKeepId] = useState(corrections[0]?.id ?? "");
  const name = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const duplicates = corrections.filter((c) => c.id !== keepId).map((c) => c.id);
    if (keepId && duplicates.length > 0) onSubmit(keepId, duplicates);
  };

  return (
    <form className="text-form merge-form" onSubmit={submit}>
      <fieldset>
        <legend>Which one should be kept?</legend>
        {corrections.map((c) => (
          <label key={c.id} className="merge-choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={keepId === c.id}
              onChange={() => setKeepId(c.id)}
            />
            <span>
              <strong>{c.question}</strong>
              <span className="merge-answer">{c.answer}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || corrections.length < 2}>
          Merge into the kept one
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
