import { useCallback, useMemo } from "react";
import { shortId, type SearchMatch, type User } from "@handoff/contracts";
import { listPeople } from "../api/people-api";
import type { RestClient } from "../api/rest-client";
import { searchConversations } from "../api/search-api";
import { count } from "../components/count";
import { dateTime } from "../components/format-time";
import { statusLabel } from "../conversation/status-label";
import { useRemote } from "../hooks/use-remote";
import { customerName } from "../inbox/describe";
import { routeHref } from "../navigation/routes";
import { fieldsFromQuery, queryOfFields, searchInput, type SearchFields } from "./search-fields";
import { SearchForm, type AgentOption } from "./search-form";
import "./search.css";

const MATCHED: Record<SearchMatch, string> = {
  id: "id",
  email: "email",
  name: "name",
  text: "a message",
  filters: "filters",
};

/** Who "Assigned to" offers: the user, and for supervisors (who may list people) everyone else. */
function useAgentOptions(client: RestClient, user: User): AgentOption[] {
  const load = useCallback(
    () => (user.role === "supervisor" ? listPeople(client).then((r) => r.people) : Promise.resolve([])),
    [client, user.role],
  );
  const people = useRemote(load).data ?? [];
  return [
    { id: user.id, name: `Me (${user.name})` },
    ...people.filter((p) => p.id !== user.id).map((p) => ({ id: p.id, name: p.name })),
  ];
}

/**
 * Find any conversation: by the short id shown everywhere, the customer, words of a message, and
 * filters. The search lives in the URL (`query`), so Back from an opened conversation shows it again.
 */
export function SearchPage({
  client,
  user,
  query,
}: {
  client: RestClient;
  user: User;
  query: string | null;
}) {
  const fields = useMemo(() => fieldsFromQuery(query), [query]);
  const checked = useMemo(() => (query === null ? null : searchInput(fields)), [query, fields]);
  const load = useCallback(
    () => (checked?.ok ? searchConversations(client, checked.input) : Promise.resolve(null)),
    [client, checked],
  );
  const found = useRemote(load);
  const agents = useAgentOptions(client, user);

  const search = (next: SearchFields) => {
    const hash = routeHref({ view: "search", query: queryOfFields(next) });
    // The same search again asks the server again (new conversations may match since).
    if (window.location.hash === hash) found.reload();
    else window.location.hash = hash;
  };

  const error = checked && !checked.ok ? checked.error : found.error;
  const hits = checked?.ok && !found.loading ? found.data : null;

  return (
    <div className="desk-page search-page">
      <header className="page-header">
        <h1>Search</h1>
        <p className="muted">
          Every conversation, open or closed: by its short id, the customer&apos;s email or name, words they
          or the team wrote, its status, the agent it is assigned to and the day it started.
        </p>
      </header>
      <SearchForm key={query ?? ""} initial={fields} agents={agents} onSearch={search} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {hits ? `${count(hits.length, "conversation")} found` : ""}
      </p>
      {checked?.ok && found.loading ? (
        <p className="empty">Searching…</p>
      ) : hits === null ? null : hits.length === 0 ? (
        <p className="empty">
          No conversation matches. Try the start of the email, fewer words, or fewer filters.
        </p>
      ) : (
        <table className="search-results">
          <caption className="visually-hidden">Conversations found</caption>
          <thead>
            <tr>
              <th scope="col">Conversation</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Last message</th>
              <th scope="col">Started</th>
              <th scope="col">Matched</th>
            </tr>
          </thead>
          <tbody>
            {hits.map(({ conversation: c, matched }) => (
              <tr key={c.id} data-conversation-id={c.id}>
                <td>
                  <a href={routeHref({ view: "conversation", conversationId: c.id })}>{shortId(c.id)}</a>
                </td>
                <td>
                  {customerName(c, c.id)}
                  {c.customer.email && c.customer.name ? (
                    <span className="muted"> · {c.customer.email}</span>
                  ) : null}
                </td>
                <td>
                  {statusLabel(c.status)}
                  {c.assigneeName ? <span className="muted"> · {c.assigneeName}</span> : null}
                </td>
                <td className="search-preview">{c.lastMessagePreview ?? ""}</td>
                <td className="nowrap">{dateTime(c.createdAt)}</td>
                <td>{MATCHED[matched]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
