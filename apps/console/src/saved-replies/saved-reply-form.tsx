import { useId, useState, type FormEvent } from "react";
import type { SavedReply, SavedReplyCreate, SavedReplyScope } from "@handoff/contracts";

interface Props {
  /** The reply being edited, or null for a new one. */
  editing: SavedReply | null;
  canAddTeam: boolean;
  busy: boolean;
  onSubmit(input: SavedReplyCreate): void;
  onCancel(): void;
}

/** Adds a saved reply, or changes one (its scope stays). */
export function SavedReplyForm({ editing, canAddTeam, busy, onSubmit, onCancel }: Props) {
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? "");
  const [title, setTitle] = useState(editing?.title ?? "");
  const [text, setText] = useState(editing?.text ?? "");
  const [scope, setScope] = useState<SavedReplyScope>(editing?.scope ?? (canAddTeam ? "team" : "personal"));
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ shortcut: shortcut.trim().replace(/^\//, ""), title: title.trim(), text: text.trim(), scope });
  };

  return (
    <form
      className="saved-reply-form"
      onSubmit={submit}
      aria-label={editing ? "Edit saved reply" : "New saved reply"}
    >
      <div className="saved-reply-fields">
        <label htmlFor={`${id}-shortcut`}>Shortcut</label>
        <input
          id={`${id}-shortcut`}
          type="text"
          required
          value={shortcut}
          placeholder="refund"
          aria-describedby={`${id}-shortcut-hint`}
          onChange={(e) => setShortcut(e.target.value)}
        />
        <p id={`${id}-shortcut-hint`} className="hint">
          Type /{shortcut.trim().replace(/^\//, "") || "shortcut"} in a reply to insert it.
        </p>
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={`${id}-text`}>Text</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          required
          value={text}
          aria-describedby={`${id}-text-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-text-hint`} className="hint">
          {"{{customer.name}}"}, {"{{customer.first_name}}"} and {"{{agent.name}}"} are filled in when
          inserted.
        </p>
        {!editing && (
          <fieldset className="saved-reply-scope">
            <legend>Who can use it</legend>
            <label className="switch">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scope === "team"}
                disabled={!canAddTeam}
                onChange={() => setScope("team")}
              />
              The whole team{canAddTeam ? "" : " (supervisors only)"}
            </label>
            <label className="switch">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scope === "personal"}
                onChange={() => setScope("personal")}
              />
              Only me
            </label>
          </fieldset>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? "Save changes" : "Add saved reply"}
        </button>
        {editing && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
