import { useCallback, useState } from "react";
import type { IssuedLink, User } from "@handoff/contracts";
import {
  deactivatePerson,
  invitePerson,
  listPeople,
  reactivatePerson,
  resetPassword,
  revokeInvite,
  updatePerson,
} from "../api/people-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { ApproversTable } from "./approvers-table";
import { InviteForm } from "./invite-form";
import { IssuedLinkBox } from "./issued-link";
import { PersonRow } from "./person-row";
import "./people.css";

/**
 * The team's accounts: invite people (a one-time link, shown once and emailed when mail is set up),
 * change roles, deactivate (their sessions end at once and their live chats go back to the queue),
 * reactivate, reset passwords; open invitations can be withdrawn.
 */
export function PeoplePage({ client, user }: { client: RestClient; user: User }) {
  const people = useRemote(useCallback(() => listPeople(client), [client]));
  const list = people.data;
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const act = async <T,>(work: () => Promise<T>, after?: (result: T) => void) => {
    setNotice(null);
    const result = await run(work);
    if (result !== undefined) after?.(result);
    people.reload();
  };

  return (
    <div className="desk-page people-page">
      <header className="page-header">
        <h1>People</h1>
        <p className="muted">
          Invite agents and supervisors, change roles, and take access away. A deactivated person is signed
          out at once and the chats they held go back to the queue.
        </p>
      </header>
      <InviteForm
        busy={busy}
        onInvite={(email, role, name) =>
          void act(() => invitePerson(client, { email, role, ...(name.trim() ? { name } : {}) }), setIssued)
        }
      />
      {issued && <IssuedLinkBox issued={issued} onDone={() => setIssued(null)} />}
      <FormError message={error ?? people.error} />
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {!list && !people.error && <p className="empty">Loading…</p>}
      {list && (
        <section aria-label="Accounts">
          <table className="audit-table people-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  me={user.id}
                  busy={busy}
                  onRole={(role) => void act(() => updatePerson(client, person.id, { role }))}
                  onReset={() => void act(() => resetPassword(client, person.id), setIssued)}
                  onReactivate={() => void act(() => reactivatePerson(client, person.id))}
                  onDeactivate={() => {
                    if (!window.confirm(`Deactivate ${person.name}? They are signed out at once.`)) return;
                    void act(
                      () => deactivatePerson(client, person.id),
                      (r) =>
                        setNotice(
                          `${person.name} is deactivated` +
                            (r.returnedHandoffs
                              ? `; ${r.returnedHandoffs} chat(s) went back to the queue.`
                              : "."),
                        ),
                    );
                  }}
                />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {list && <ApproversTable client={client} />}
      {list && list.invites.length > 0 && (
        <section aria-label="Open invitations">
          <h2>Open invitations</h2>
          <ul className="invite-list">
            {list.invites.map((invite) => (
              <li key={invite.id} data-invite-id={invite.id}>
                <span>
                  <strong>{invite.email}</strong> as {invite.role}, by {invite.createdBy.name ?? "someone"},
                  until {dateTime(invite.expiresAt)}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void act(() => revokeInvite(client, invite.id))}
                >
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
