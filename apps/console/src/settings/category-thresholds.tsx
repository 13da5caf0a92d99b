import { Fragment, useId } from "react";
import type { CategoryRow, FieldErrors } from "./settings-draft";

interface Props {
  rows: CategoryRow[];
  categories: string[];
  errors: FieldErrors;
  defaults: { auto: string; review: string };
  onChange(rows: CategoryRow[]): void;
}

/** Per-category thresholds that override the global pair; a category without a row uses the global one. */
export function CategoryThresholds({ rows, categories, errors, defaults, onChange }: Props) {
  const listId = useId();
  const update = (i: number, patch: Partial<CategoryRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = categories.find((c) => !rows.some((r) => r.category === c)) ?? "";
  const name = (row: CategoryRow, i: number) => row.category.trim() || `row ${i + 1}`;

  return (
    <div className="category-thresholds">
      {rows.length === 0 ? (
        <p className="muted">Every category uses the global thresholds.</p>
      ) : (
        <table className="threshold-table">
          <caption className="visually-hidden">Thresholds per category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Auto ≥</th>
              <th scope="col">Review ≥</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const error = errors[`category:${i}`];
              const number = (which: "auto" | "review") => (
                <input
                  type="number"
                  min={0}
                  max={1}
                  step={0.01}
                  aria-label={`${which === "auto" ? "Auto" : "Review"} threshold for ${name(row, i)}`}
                  aria-invalid={error ? true : undefined}
                  value={row[which]}
                  onChange={(e) => update(i, { [which]: e.target.value })}
                />
              );
              return (
                <Fragment key={i}>
                  <tr>
                    <td>
                      <input
                        type="text"
                        list={listId}
                        aria-label={`Category of row ${i + 1}`}
                        value={row.category}
                        onChange={(e) => update(i, { category: e.target.value })}
                      />
                    </td>
                    <td>{number("auto")}</td>
                    <td>{number("review")}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Remove ${name(row, i)}`}
                        onClick={() => onChange(rows.filter((_, j) => j !== i))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                  {error && (
                    <tr>
                      <td colSpan={4} className="field-error" role="alert">
                        {name(row, i)}: {error}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...rows, { category: unused, ...defaults }])}
      >
        Add a category
      </button>
    </div>
  );
}
