import type { Person, TeamInput } from "@handoff/contracts";

interface Props {
  people: Person[];
  team: TeamInput;
  change(patch: Partial<TeamInput>): void;
}

/**
 * Who is on the team (in the order offers go round) and how long each has to accept an offered
 * handoff before it goes to the next.
 */
export function MembersField({ people, team, change }: Props) {
  const active = people.filter((p) => p.status === "active");
  const ids = team.members.map((m) => m.userId);
  const toggle = (userId: string, on: boolean) =>
    change({
      members: on ? [...team.members, { userId }] : team.members.filter((m) => m.userId !== userId),
    });
  return (
    <>
      <fieldset className="checklist">
        <legend>Members</legend>
        <p className="hint">
          New handoffs of this team are offered to its least-loaded available member, in turn when equally
          loaded.
        </p>
        <div className="checklist-items">
          {active.map((person) => (
            <label key={person.id} className="switch">
              <input
                type="checkbox"
                checked={ids.includes(person.id)}
                onChange={(e) => toggle(person.id, e.target.checked)}
              />
              {person.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        Seconds to accept an offer
        <input
          type="number"
          min={5}
          max={600}
          step={1}
          required
          value={team.offerSeconds}
          onChange={(e) => change({ offerSeconds: Number(e.target.value) })}
        />
      </label>
    </>
  );
}
