import { useId } from "react";

interface Props {
  auto: string;
  review: string;
  error?: string;
  onChange(next: { auto: string; review: string }): void;
}

/** The global auto and review thresholds (0..1), with the problem of the pair under them. */
export function ThresholdInputs({ auto, review, error, onChange }: Props) {
  const errorId = useId();
  const field = (which: "auto" | "review", label: string, value: string) => (
    <label className="field">
      {label}
      <input
        type="number"
        min={0}
        max={1}
        step={0.01}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange({ auto, review, [which]: e.target.value })}
      />
    </label>
  );
  return (
    <div className="field-row">
      {field("auto", "Auto threshold", auto)}
      {field("review", "Review threshold", review)}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
