import { useState, type FormEvent, type ReactNode } from "react";
import type { BusinessHours, TeamInput } from "@handoff/contracts";
import { FormError } from "../components/form-error";
import { CategoryChecklist } from "../settings/category-checklist";
import { HoursEditor } from "./hours-editor";
import { hoursProblems } from "./hours-draft";

interface Props {
  initial: TeamInput;
  categories: string[];
  busy: boolean;
  error: string | null;
  onSave(team: TeamInput): void;
  onCancel(): void;
  onDelete?(): void;
  /** More fields for the team (its members). */
  children?: (team: TeamInput, change: (patch: Partial<TeamInput>) => void) => ReactNode;
}

/** A team's name, categories and business hours, checked before they are sent. */
export function TeamEditor({
  initial,
  categories,
  busy,
  error,
  onSave,
  onCancel,
  onDelete,
  children,
}: Props) {
  const [team, setTeam] = useState<TeamInput>(initial);
  const change = (patch: Partial<TeamInput>) => setTeam((t) => ({ ...t, ...patch }));
  const problems = team.hours ? hoursProblems(team.hours) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length === 0) onSave(team);
  };
  return (
    <form
      className="team-editor section"
      onSubmit={submit}
      aria-label={initial.name ? `Edit ${initial.name}` : "New team"}
    >
      <label className="field">
        Team name
        <input
          type="text"
          required
          maxLength={80}
          value={team.name}
          onChange={(e) => change({ name: e.target.value })}
        />
      </label>
      <CategoryChecklist
        legend="Categories"
        hint="Questions in these categories go to this team. A team with none takes every category no other team has."
        options={categories}
        value={team.categories}
        onChange={(value) => change({ categories: value })}
      />
      {children?.(team, change)}
      <HoursEditor value={team.hours} onChange={(hours: BusinessHours | null) => change({ hours })} />
      {problems.length > 0 && (
        <ul className="form-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <FormError message={error} />
      <div className="team-editor-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || problems.length > 0}>
          Save team
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={onDelete}>
            Delete team
          </button>
        )}
      </div>
    </form>
  );
}
