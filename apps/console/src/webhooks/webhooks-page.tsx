import { useCallback, useState } from "react";
import { createWebhook, listWebhooks, updateWebhook } from "../api/webhooks-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { SigningSecret } from "../components/signing-secret";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { DeliveryLog } from "./delivery-log";
import { WebhookForm } from "./webhook-form";
import "../api-keys/api-keys.css";

/**
 * Webhooks: endpoints that receive signed events (message created, review opened, handoff claimed,
 * ...), retried until they answer 2xx; each shows its latest deliveries and what the receiver said.
 */
export function WebhooksPage({ client }: { client: RestClient }) {
  const endpoints = useRemote(useCallback(() => listWebhooks(client), [client]));
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const act = async <T,>(work: () => Promise<T>, after?: (result: T) => void) => {
    const result = await run(work);
    if (result !== undefined) after?.(result);
    endpoints.reload();
  };

  return (
    <div className="desk-page api-keys-page">
      <header className="page-header">
        <h1>Webhooks</h1>
        <p className="muted">
          Send events to another system as they happen. Each request is signed with the endpoint&apos;s secret
          (header <code>x-handoff-signature</code>, see the README) and retried with back-off until it gets a
          2xx.
        </p>
      </header>
      <WebhookForm
        busy={busy}
        onCreate={(url, events) =>
          void act(
            () => createWebhook(client, { url, events, description: "" }),
            (r) => setSecret(r.secret),
          )
        }
      />
      {secret && <SigningSecret added="Webhook" secret={secret} onDone={() => setSecret(null)} />}
      <FormError message={error ?? endpoints.error} />
      {endpoints.data && endpoints.data.length === 0 && <p className="empty">No webhooks yet.</p>}
      {endpoints.data?.map((endpoint) => (
        <section key={endpoint.id} className="webhook-card" aria-label={endpoint.url}>
          <h2>{endpoint.url}</h2>
          <p>
            {endpoint.enabled ? "Enabled" : "Disabled"} · {endpoint.events.join(", ")}{" "}
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() =>
                void act(() => updateWebhook(client, endpoint.id, { enabled: !endpoint.enabled }))
              }
            >
              {endpoint.enabled ? "Disable" : "Enable"}
            </button>
          </p>
          <DeliveryLog client={client} endpointId={endpoint.id} label={endpoint.url} />
        </section>
      ))}
    </div>
  );
}
