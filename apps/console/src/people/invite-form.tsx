import { useState, type FormEvent } from "react";
import type { Role } from "@handoff/contracts";

/** Email, role and an optional name for a new member of the team. */
export function InviteForm({
  busy,
  onInvite,
}: {
  busy: boolean;
  onInvite(email: string, role: Role, name: string): void;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onInvite(email, role, name);
    setEmail("");
    setName("");
  };
  return (
    <form className="filters invite-form" onSubmit={submit} aria-label="Invite someone">
      <label className="filters-grow">
        Email
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Name (optional)
        <input type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Role
        <select
          value={role}
          onChange={(e) => setRole(e.target.value === "supervisor" ? "supervisor" : "agent")}
        >
          <option value="agent">Agent</option>
          <option value="supervisor">Supervisor</option>
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Invite
      </button>
    </form>
  );
}
