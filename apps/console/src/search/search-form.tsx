import { useId, useState, type FormEvent } from "react";
import { ConversationStatus } from "@handoff/contracts";
import { statusLabel } from "../conversation/status-label";
import { MAX_QUERY, type SearchFields } from "./search-fields";

/** Someone conversations can be assigned to. */
export interface AgentOption {
  id: string;
  name: string;
}

/** The search box and its filters, applied together on submit. */
export function SearchForm({
  initial,
  agents,
  onSearch,
}: {
  initial: SearchFields;
  /** Who the "Assigned to" filter offers (the signed-in user first). */
  agents: AgentOption[];
  onSearch(fields: SearchFields): void;
}) {
  const [fields, setFields] = useState(initial);
  const id = useId();
  const set = (key: keyof SearchFields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(fields);
  };

  return (
    <form className="filters search-form" role="search" aria-label="Conversations" onSubmit={submit}>
      <div className="filters-grow search-box">
        <label htmlFor={`${id}-q`}>
          Find
          <input
            id={`${id}-q`}
            type="search"
            value={fields.q}
            maxLength={MAX_QUERY}
            aria-describedby={`${id}-q-hint`}
            onChange={set("q")}
          />
        </label>
        <p id={`${id}-q-hint`} className="hint">
          A short id (#3f2a9c1d), an email, a name or words of a message
        </p>
      </div>
      <label htmlFor={`${id}-status`}>
        Status
        <select id={`${id}-status`} value={fields.status} onChange={set("status")}>
          <option value="">Any status</option>
          {ConversationStatus.options.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-agent`}>
        Assigned to
        <select id={`${id}-agent`} value={fields.agent} onChange={set("agent")}>
          <option value="">Anyone</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-from`}>
        Started from
        <input id={`${id}-from`} type="date" value={fields.from} onChange={set("from")} />
      </label>
      <label htmlFor={`${id}-to`}>
        Started until
        <input id={`${id}-to`} type="date" value={fields.to} onChange={set("to")} />
      </label>
      <button type="submit" className="btn btn-primary">
        Search
      </button>
    </form>
  );
}
