import { useCallback, useState } from "react";
import type { TeamInput, TeamList } from "@handoff/contracts";
import { AssignmentsPanel } from "../assignment/assignments-panel";
import { listArticles } from "../api/kb-api";
import { listPeople } from "../api/people-api";
import type { RestClient } from "../api/rest-client";
import { getSettings } from "../api/settings-api";
import { createTeam, deleteTeam, listTeams, updateTeam } from "../api/teams-api";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { categoryOptions } from "../settings/category-options";
import { defaultHours, hoursSummary } from "./hours-draft";
import { MembersField } from "./members-field";
import { TeamEditor } from "./team-editor";
import "./teams.css";

type ListedTeam = TeamList["teams"][number];

/** "Open now, until 17:00" / "Closed, back Mon 28 Dec, 09:00" / "Always open". */
function statusText(team: ListedTeam): string {
  const { status } = team;
  if (!team.hours) return "Always open";
  if (status.open) return status.closesAt ? `Open now, until ${dateTime(status.closesAt)}` : "Open now";
  return status.opensAt ? `Closed, back ${dateTime(status.opensAt)}` : "Closed";
}

/**
 * Teams: the categories each one handles and its business hours (time zone, weekly spans, holidays).
 * Out of hours, customers who ask for a person are told when the team is back and offered to leave an
 * email; approvals never wait past closing: the timeout policy in Settings applies then.
 */
export function TeamsPage({ client }: { client: RestClient }) {
  const teams = useRemote(useCallback(() => listTeams(client), [client]));
  const categories = useRemote(
    useCallback(
      async () => categoryOptions(await listArticles(client), await getSettings(client).catch(() => null)),
      [client],
    ),
  );
  const people = useRemote(useCallback(() => listPeople(client).then((r) => r.people), [client]));
  const members = (team: TeamInput, change: (patch: Partial<TeamInput>) => void) => (
    <MembersField people={people.data ?? []} team={team} change={change} />
  );
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const { busy, error, run, setError } = useAction();

  const save = async (work: () => Promise<unknown>) => {
    if ((await run(work)) === undefined) return;
    setEditing(null);
    teams.reload();
  };
  const edit = (id: string | "new" | null) => {
    setError(null);
    setEditing(id);
  };
  const blank: TeamInput = {
    name: "",
    categories: [],
    members: [],
    hours: defaultHours(),
    offerSeconds: 30,
  };

  return (
    <div className="desk-page teams-page">
      <header className="page-header page-header-actions">
        <div>
          <h1>Teams and hours</h1>
          <p className="muted">
            Each category goes to one team. Out of hours, customers who ask for a person are told when the
            team is back and can leave an email; approvals never wait past closing (the timeout policy in
            Settings applies).
          </p>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => edit("new")}
          disabled={editing === "new"}
        >
          New team
        </button>
      </header>
      <FormError message={teams.error} />
      <AssignmentsPanel client={client} />
      {editing === "new" && (
        <TeamEditor
          initial={blank}
          categories={categories.data ?? []}
          busy={busy}
          error={error}
          onSave={(team) => void save(() => createTeam(client, team))}
          onCancel={() => edit(null)}
        >
          {members}
        </TeamEditor>
      )}
      {teams.data?.length === 0 && editing !== "new" && (
        <p className="empty">No teams yet: every handoff goes to everyone, at any hour.</p>
      )}
      {teams.data?.map((team) =>
        editing === team.id ? (
          <TeamEditor
            key={team.id}
            initial={{
              name: team.name,
              categories: team.categories,
              members: team.members,
              hours: team.hours,
              offerSeconds: team.offerSeconds,
            }}
            categories={categories.data ?? []}
            busy={busy}
            error={error}
            onSave={(patch) => void save(() => updateTeam(client, team.id, patch))}
            onCancel={() => edit(null)}
            onDelete={() => {
              if (window.confirm(`Delete the team ${team.name}?`))
                void save(() => deleteTeam(client, team.id));
            }}
          >
            {members}
          </TeamEditor>
        ) : (
          <section key={team.id} className="team-card section" aria-label={team.name} data-team-id={team.id}>
            <div className="team-card-head">
              <h2>{team.name}</h2>
              <span className={`team-status ${team.status.open ? "team-open" : "team-closed"}`}>
                {statusText(team)}
              </span>
              <button type="button" className="btn btn-small" onClick={() => edit(team.id)}>
                Edit
              </button>
            </div>
            <p>
              <strong>Categories:</strong>{" "}
              {team.categories.length ? team.categories.join(", ") : "every category no other team has"}
            </p>
            <p>
              <strong>Members:</strong>{" "}
              {team.members.length
                ? team.members
                    .map((m) => people.data?.find((p) => p.id === m.userId)?.name ?? "someone")
                    .join(", ")
                : "nobody yet: handoffs wait in the queue"}
              ; {team.offerSeconds} s to accept an offer
            </p>
            <p>
              <strong>Hours:</strong> {hoursSummary(team.hours)}
              {team.hours?.holidays.length ? `; ${team.hours.holidays.length} holiday(s)` : ""}
            </p>
          </section>
        ),
      )}
    </div>
  );
}
