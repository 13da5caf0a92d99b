import { useState, type FormEvent } from "react";
import type { CorrectionStatus } from "@handoff/contracts";
import { STATUS_FILTERS } from "./correction-labels";

/** The status shown, or every status. */
export type StatusFilter = CorrectionStatus | "all";

interface Props {
  status: StatusFilter;
  query: string;
  onStatus(status: StatusFilter): void;
  onSearch(query: string): void;
}

/** Status filter and free-text search (question, answer, draft and tags). */
export function QueueFilters({ status, query, onStatus, onSearch }: Props) {
  const [text, setText] = useState(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="filters" role="search" onSubmit={submit}>
      <label>
        Status
        <select
          value={status}
          onChange={(e) =>
            onStatus(STATUS_FILTERS.find((f) => f.value === e.target.value)?.value ?? "pending")
          }
        >
          {STATUS_FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-grow">
        Search
        <input
          type="search"
          value={text}
          placeholder="Words in the question, answer, draft or tags"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="btn">
        Search
      </button>
    </form>
  );
}
