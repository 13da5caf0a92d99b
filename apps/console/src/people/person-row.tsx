import type { Person, Role } from "@handoff/contracts";

interface Props {
  person: Person;
  /** The signed-in supervisor (who cannot deactivate themself). */
  me: string;
  busy: boolean;
  onRole(role: Role): void;
  onDeactivate(): void;
  onReactivate(): void;
  onReset(): void;
}

/** One account: name, email, role (changeable), status and what a supervisor can do with it. */
export function PersonRow({ person, me, busy, onRole, onDeactivate, onReactivate, onReset }: Props) {
  const active = person.status === "active";
  return (
    <tr data-person-id={person.id} className={active ? undefined : "person-off"}>
      <td>{person.name}</td>
      <td>{person.email}</td>
      <td>
        <select
          aria-label={`Role of ${person.name}`}
          value={person.role}
          disabled={busy || !active}
          onChange={(e) => onRole(e.target.value === "supervisor" ? "supervisor" : "agent")}
        >
          <option value="agent">Agent</option>
          <option value="supervisor">Supervisor</option>
        </select>
      </td>
      <td>{active ? "Active" : "Deactivated"}</td>
      <td>
        <div className="person-actions">
          {active ? (
            <>
              <button type="button" className="btn btn-small" disabled={busy} onClick={onReset}>
                Reset password
              </button>
              {person.id !== me && (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  disabled={busy}
                  onClick={onDeactivate}
                >
                  Deactivate
                </button>
              )}
            </>
          ) : (
            <button type="button" className="btn btn-small" disabled={busy} onClick={onReactivate}>
              Reactivate
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
