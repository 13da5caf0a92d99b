import { useCallback } from "react";
import { listChannelDeliveries } from "../api/channels-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { useRemote } from "../hooks/use-remote";

/** A channel's latest replies: who wrote them, status, attempts and the last error. */
export function ChannelDeliveryLog({
  client,
  channelId,
  label,
}: {
  client: RestClient;
  channelId: string;
  label: string;
}) {
  const deliveries = useRemote(
    useCallback(() => listChannelDeliveries(client, channelId), [client, channelId]),
  );
  return (
    <section aria-label={`Replies sent through ${label}`}>
      <div className="webhook-log-head">
        <h3>Replies sent</h3>
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
              <th scope="col">Reply</th>
              <th scope="col">From</th>
              <th scope="col">Queued</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id}>
                <td>{d.message.text.length > 80 ? `${d.message.text.slice(0, 79)}…` : d.message.text}</td>
                <td>{d.message.authorName ?? d.message.author}</td>
                <td>{dateTime(d.createdAt)}</td>
                <td>
                  {d.status === "pending" && d.attempts > 0
                    ? `retrying ${dateTime(d.nextAttemptAt)}`
                    : d.status}
                </td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
