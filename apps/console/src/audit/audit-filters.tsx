import { useState, type FormEvent } from "react";
import { AuditAction } from "@handoff/contracts";

/** What the audit log is narrowed to. */
export interface AuditFilter {
  action: string;
  conversationId: string;
  text: string;
}

/** Action, conversation and free-text filters, applied together on submit. */
export function AuditFilters({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply(filter: AuditFilter): void;
}) {
  const [draft, setDraft] = useState(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ action: draft.action, conversationId: draft.conversationId.trim(), text: draft.text.trim() });
  };
  return (
    <form className="filters" role="search" onSubmit={submit}>
      <label>
        Action
        <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
          <option value="">Every action</option>
          {AuditAction.options.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Conversation
        <input
          type="text"
          value={draft.conversationId}
          placeholder="#3f2a9c1d or a full id"
          onChange={(e) => setDraft({ ...draft, conversationId: e.target.value })}
        />
      </label>
      <label className="filters-grow">
        Contains
        <input
          type="search"
          value={draft.text}
          placeholder="Words in the actor, details…"
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
      </label>
      <button type="submit" className="btn">
        Search
      </button>
    </form>
  );
}
