import { useState, type FormEvent } from "react";
import { ApiKeyScope } from "@handoff/contracts";

/** What each scope lets a key do, in the words a supervisor chooses by. */
export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "conversations:read": "Read conversations and search them",
  "messages:send": "Send messages and internal notes",
  "knowledge:import": "Import and list help-center articles",
  "corrections:manage": "Review corrections",
  "audit:read": "Read and export the audit log",
  "metrics:read": "Read metrics",
};

/** A name and the scopes for a new key. */
export function ApiKeyForm({
  busy,
  onCreate,
}: {
  busy: boolean;
  onCreate(name: string, scopes: ApiKeyScope[]): void;
}) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(name, scopes);
    setName("");
    setScopes([]);
  };
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  return (
    <form className="api-key-form" onSubmit={submit} aria-label="New API key">
      <label>
        Key name
        <input type="text" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset>
        <legend>What it may do</legend>
        {ApiKeyScope.options.map((scope) => (
          <label key={scope} className="api-key-scope">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            {SCOPE_LABELS[scope]} <code>{scope}</code>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={busy || scopes.length === 0}>
        Create key
      </button>
    </form>
  );
}
