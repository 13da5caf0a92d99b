import { useCallback, useState } from "react";
import { shortId, type AgentLoad, type Assignments } from "@handoff/contracts";
import { assignHandoff, getAssignments } from "../api/assignment-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { Section } from "../components/section";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import "./assignment.css";

const STATE: Record<AgentLoad["availability"], string> = {
  available: "Available",
  away: "Away",
  offline: "Offline",
};

/** A conversation named for people: the customer if known, and its short id. */
const label = (item: { conversationId: string; customer: string | null }) =>
  `${item.customer ?? "Customer"} ${shortId(item.conversationId)}`;

interface AssignProps {
  what: string;
  agents: AgentLoad[];
  /** Who holds it now (left out of the choices). */
  holder: string | null;
  busy: boolean;
  onAssign(userId: string): void;
}

/** Pick someone and give them one handoff. */
function AssignControl({ what, agents, holder, busy, onAssign }: AssignProps) {
  const choices = agents.filter((a) => a.userId !== holder);
  const [to, setTo] = useState(choices[0]?.userId ?? "");
  return (
    <span className="assign-control">
      <select aria-label={`Give ${what} to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {choices.map((a) => (
          <option key={a.userId} value={a.userId}>
            {a.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy || !to}
        onClick={() => onAssign(to)}
        aria-label={`${holder ? "Reassign" : "Assign"} ${what}`}
      >
        {holder ? "Reassign" : "Assign"}
      </button>
    </span>
  );
}

/**
 * Who holds what (supervisors): each person's availability, whether their console is open, the
 * conversations they hold against their capacity, and the handoffs waiting with whose offer they are
 * on. Any of them can be given to someone else.
 */
export function AssignmentsPanel({ client }: { client: RestClient }) {
  const view = useRemote(useCallback(() => getAssignments(client), [client]));
  const { busy, error, run } = useAction();
  const assign = async (reviewId: string, userId: string) => {
    if ((await run(() => assignHandoff(client, reviewId, userId))) !== undefined) view.reload();
  };
  const data: Assignments | null = view.data;

  return (
    <Section title="Who holds what" className="assignments">
      <p className="muted">
        New handoffs are offered to the least-loaded available member of their team with the console open;
        anyone can still take one from the queue.{" "}
        <button type="button" className="btn btn-small" onClick={view.reload}>
          Refresh
        </button>
      </p>
      <FormError message={view.error ?? error} />
      {data && (
        <>
          <table className="assignments-table">
            <caption className="visually-hidden">People and the conversations they hold</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Status</th>
                <th scope="col">Holding</th>
              </tr>
            </thead>
            <tbody>
              {data.agents.map((agent) => (
                <tr key={agent.userId} data-user-id={agent.userId}>
                  <th scope="row">{agent.name}</th>
                  <td>
                    {STATE[agent.availability]}, {agent.online ? "console open" : "console closed"}
                  </td>
                  <td>
                    {agent.holding.length} of {agent.capacity}
                    <ul>
                      {agent.holding.map((held) => (
                        <li key={held.reviewId}>
                          <a href={`#/conversations/${encodeURIComponent(held.conversationId)}`}>
                            {label(held)}
                          </a>{" "}
                          <AssignControl
                            what={label(held)}
                            agents={data.agents}
                            holder={agent.userId}
                            busy={busy}
                            onAssign={(to) => void assign(held.reviewId, to)}
                          />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Waiting</h4>
          {data.waiting.length === 0 ? (
            <p className="empty">Nobody is waiting for a person.</p>
          ) : (
            <ul className="waiting-list">
              {data.waiting.map((w) => (
                <li key={w.reviewId} data-review-id={w.reviewId}>
                  <a href={`#/conversations/${encodeURIComponent(w.conversationId)}`}>{label(w)}</a>, since{" "}
                  {dateTime(w.createdAt)}
                  {w.offer
                    ? `, offered to ${w.offer.userName} until ${dateTime(w.offer.expiresAt)}`
                    : ", in the queue"}{" "}
                  <AssignControl
                    what={label(w)}
                    agents={data.agents}
                    holder={null}
                    busy={busy}
                    onAssign={(to) => void assign(w.reviewId, to)}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}
