import { useCallback } from "react";
import { messageText } from "@handoff/contracts";
import { listChannelDeliveries } from "../api/channels-api";
import type { RestClient } from "../api/rest-client";
import { DeliveryTable, deliveryStatus } from "../components/delivery-table";
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
    <DeliveryTable
      label={`Replies sent through ${label}`}
      title="Replies sent"
      remote={deliveries}
      columns={["Reply", "From", "Queued", "Status", "Attempts", "Last error"]}
      cells={(d) => (
        <>
          <td>{shorten(messageText(d.message, "en"))}</td>
          <td>{d.message.authorName ?? d.message.author}</td>
          <td>{dateTime(d.createdAt)}</td>
          <td>{deliveryStatus(d)}</td>
          <td>{d.attempts}</td>
          <td>{d.lastError ?? "—"}</td>
        </>
      )}
    />
  );
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
