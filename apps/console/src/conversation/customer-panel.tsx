import { useCallback } from "react";
import { shortId, type CustomerRating } from "@handoff/contracts";
import { useRestClient } from "../api/client-context";
import { customerProfile } from "../api/search-api";
import { count } from "../components/count";
import { dateTime } from "../components/format-time";
import { useRemote } from "../hooks/use-remote";
import { routeHref } from "../navigation/routes";
import { statusLabel } from "./status-label";

const ratingText = (r: CustomerRating) =>
  r.score !== null
    ? `Rated the conversation ${r.score} of 5${r.comment ? `: “${r.comment}”` : ""}`
    : `Thumbs ${r.thumb ?? "?"} on an answer`;

/**
 * Who the customer is (as the site's identify() or the widget told us), their other conversations
 * (same email or site user id) and the ratings they gave; folded until the agent opens it, with the
 * counts in its summary.
 */
export function CustomerPanel({ conversationId }: { conversationId: string }) {
  const client = useRestClient();
  const load = useCallback(
    () => (client ? customerProfile(client, conversationId) : Promise.resolve(null)),
    [client, conversationId],
  );
  const profile = useRemote(load);
  const data = profile.data;
  if (profile.error)
    return (
      <p className="form-error customer-panel" role="alert">
        The customer profile could not be loaded: {profile.error}
      </p>
    );
  if (!data) return null;
  const { customer } = data;
  const others = data.conversations.filter((c) => c.id !== conversationId);

  return (
    <details className="customer-panel">
      <summary>
        Customer profile: {count(data.conversations.length, "conversation")},{" "}
        {count(data.ratings.length, "rating")}
      </summary>
      <dl className="customer-facts">
        <dt>Name</dt>
        <dd>{customer.name ?? "Not given"}</dd>
        <dt>Email</dt>
        <dd>
          {customer.email ?? "Not given"}
          {customer.email && !data.identified ? (
            <span className="muted"> (as typed, not verified)</span>
          ) : null}
        </dd>
        <dt>Site account</dt>
        <dd>
          {data.identified && customer.externalId
            ? `User ${customer.externalId} (signed in on your site, verified by identify())`
            : "Not identified"}
        </dd>
      </dl>
      <h4>Other conversations</h4>
      {others.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="customer-conversations">
          {others.map((c) => (
            <li key={c.id}>
              <a href={routeHref({ view: "conversation", conversationId: c.id })}>{shortId(c.id)}</a>{" "}
              {statusLabel(c.status)} · started {dateTime(c.createdAt)}
              {c.lastMessagePreview ? <span className="muted"> · {c.lastMessagePreview}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h4>Ratings</h4>
      {data.ratings.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="customer-ratings">
          {data.ratings.map((r, i) => (
            <li key={i}>
              {ratingText(r)}{" "}
              <span className="muted">
                ({shortId(r.conversationId)}, {dateTime(r.at)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
