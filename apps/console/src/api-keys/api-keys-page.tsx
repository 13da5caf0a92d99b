import { useCallback, useState } from "react";
import type { ApiKeyCreated } from "@handoff/contracts";
import { createApiKey, listApiKeys, revokeApiKey } from "../api/api-keys-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { ApiKeyForm } from "./api-key-form";
import { NewSecret } from "./new-secret";
import "./api-keys.css";

/**
 * API keys for other systems (a CRM, a bridge): each has scopes, acts as the supervisor who made it,
 * is shown once and can be revoked at any time; creating and revoking are audited.
 */
export function ApiKeysPage({ client }: { client: RestClient }) {
  const keys = useRemote(useCallback(() => listApiKeys(client), [client]));
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const { busy, error, run } = useAction();

  const act = async <T,>(work: () => Promise<T>, after?: (result: T) => void) => {
    const result = await run(work);
    if (result !== undefined) after?.(result);
    keys.reload();
  };

  return (
    <div className="desk-page api-keys-page">
      <header className="page-header">
        <h1>API keys</h1>
        <p className="muted">
          Let another system call the REST API with only the scopes it needs. A key acts as you; revoke it
          when the system no longer needs it. The routes each scope opens are in the{" "}
          <a href="/api/docs">API reference</a>.
        </p>
      </header>
      <ApiKeyForm
        busy={busy}
        onCreate={(name, scopes) => void act(() => createApiKey(client, { name, scopes }), setCreated)}
      />
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      <FormError message={error ?? keys.error} />
      {!keys.data && !keys.error && <p className="empty">Loading…</p>}
      {keys.data && keys.data.length === 0 && <p className="empty">No API keys yet.</p>}
      {keys.data && keys.data.length > 0 && (
        <section aria-label="Keys">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} data-key-id={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scopes.join(", ")}</td>
                  <td>
                    {dateTime(key.createdAt)} by {key.createdByName}
                  </td>
                  <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : "never"}</td>
                  <td>
                    {key.revokedAt ? (
                      `Revoked ${dateTime(key.revokedAt)}`
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => {
                          if (!window.confirm(`Revoke ${key.name}? Requests with it stop at once.`)) return;
                          void act(() => revokeApiKey(client, key.id));
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
