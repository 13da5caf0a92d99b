import { useCallback } from "react";
import { listDeliveries } from "../api/webhooks-api";
import type { RestClient } from "../api/rest-client";
import { DeliveryTable, deliveryStatus } from "../components/delivery-table";
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
    <DeliveryTable
      label={`Deliveries to ${label}`}
      title="Deliveries"
      remote={deliveries}
      columns={["Event", "Raised", "Status", "Attempts", "Response"]}
      cells={(d) => (
        <>
          <td>
            <code>{d.eventType}</code>
          </td>
          <td>{dateTime(d.createdAt)}</td>
          <td>{deliveryStatus(d)}</td>
          <td>{d.attempts}</td>
          <td>{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? "—")}</td>
        </>
      )}
    />
  );
}
