import { useCallback } from "react";
import { listDeliveries } from "../api/webhooks-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { useRemote } from "../hooks/use-remote";

/** An endpoint's latest deliveries: event, status, attempts and what the receiver answered. */
export function DeliveryLog({
  client,
  endpointId,
  label,
}: {
  client: RestClient;
  endpointId: string;
  label: string;
}) {
  const deliveries = useRemote(useCallback(() => listDeliveries(client, endpointId), [client, endpointId]));
  return (
    <section aria-label={`Deliveries to ${label}`}>
      <div className="webhook-log-head">
        <h3>Deliveries</h3>
        <button type="button" className="btn btn-small" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      <FormError message={deliveries.error} />
      {deliveries.data && deliveries.data.length === 0 && <p className="empty">Nothing sent yet.</p>}
      {deliveries.data && deliveries.data.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Raised</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.eventType}</code>
                </td>
                <td>{dateTime(d.createdAt)}</td>
                <td>
                  {d.status === "pending" && d.attempts > 0
                    ? `retrying ${dateTime(d.nextAttemptAt)}`
                    : d.status}
                </td>
                <td>{d.attempts}</td>
                <td>{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? "—")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
