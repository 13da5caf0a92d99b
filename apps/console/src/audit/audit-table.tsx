import { shortId, type AuditEvent } from "@handoff/contracts";
import { dateTime } from "../components/format-time";
import { routeHref } from "../navigation/routes";
import { detailsLine } from "./audit-search";

const actorText = (e: AuditEvent) =>
  e.actor.name ??
  (e.actor.type === "user" ? (e.actor.id ?? "a user") : e.actor.type === "customer" ? "Customer" : "System");

/** One page of audit events, newest first; details as text, in full on hover. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <table className="audit-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Action</th>
          <th scope="col">Actor</th>
          <th scope="col">Conversation</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-audit-id={e.id}>
            <td className="nowrap">
              <time dateTime={e.at}>{dateTime(e.at)}</time>
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{actorText(e)}</td>
            <td>
              {e.conversationId ? (
                <a href={routeHref({ view: "conversation", conversationId: e.conversationId })}>
                  {shortId(e.conversationId)}
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="audit-details" title={JSON.stringify(e.details, null, 2)}>
              {detailsLine(e.details)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
