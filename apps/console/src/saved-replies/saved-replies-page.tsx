import { useCallback, useState } from "react";
import type { SavedReply, SavedReplyCreate, User } from "@handoff/contracts";
import type { RestClient } from "../api/rest-client";
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  updateSavedReply,
} from "../api/saved-replies-api";
import { Section } from "../components/section";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { useSavedReplies } from "./saved-replies-context";
import { SavedReplyForm } from "./saved-reply-form";
import "./saved-replies.css";

/**
 * Saved replies: everyone adds their own and uses the team's; supervisors also write the team's.
 * A reply is inserted in any reply box by typing "/" and its shortcut.
 */
export function SavedRepliesPage({ client, user }: { client: RestClient; user: User }) {
  const load = useCallback(() => listSavedReplies(client), [client]);
  const list = useRemote(load);
  const shared = useSavedReplies();
  const action = useAction();
  const [editing, setEditing] = useState<SavedReply | null>(null);
  const [formKey, setFormKey] = useState(0);
  const supervisor = user.role === "supervisor";
  const canEdit = (r: SavedReply) => (r.scope === "team" ? supervisor : r.ownerId === user.id);

  const changed = () => {
    list.reload();
    shared.reload();
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  const save = async (input: SavedReplyCreate) => {
    const current = editing;
    const done = await action.run(() =>
      current
        ? updateSavedReply(client, current.id, {
            shortcut: input.shortcut,
            title: input.title,
            text: input.text,
          })
        : createSavedReply(client, input),
    );
    if (done) changed();
  };
  const remove = async (reply: SavedReply) => {
    if (!window.confirm(`Delete the saved reply /${reply.shortcut}?`)) return;
    const done = await action.run(async () => {
      await deleteSavedReply(client, reply.id);
      return true;
    });
    if (done) changed();
  };

  const replies = list.data ?? [];
  return (
    <div className="desk-page saved-replies-page">
      <header className="page-header">
        <h1>Saved replies</h1>
        <p className="muted">
          Type <kbd>/</kbd> and a shortcut in any reply box (a live chat, or a draft you edit) to insert one.
          {supervisor ? " Team replies are yours to write." : " Team replies are written by supervisors."}
        </p>
      </header>
      {(action.error ?? list.error) && (
        <p className="form-error" role="alert">
          {action.error ?? list.error}
        </p>
      )}
      <Section title={editing ? `Edit /${editing.shortcut}` : "New saved reply"}>
        <SavedReplyForm
          key={editing?.id ?? `new-${formKey}`}
          editing={editing}
          canAddTeam={supervisor}
          busy={action.busy}
          onSubmit={(input) => void save(input)}
          onCancel={() => setEditing(null)}
        />
      </Section>
      <Section title="Replies">
        {list.loading && !list.data ? (
          <p className="empty">Loading…</p>
        ) : replies.length === 0 ? (
          <p className="empty">No saved replies yet.</p>
        ) : (
          <ul className="saved-reply-list">
            {replies.map((reply) => (
              <li key={reply.id} className="saved-reply" data-saved-reply-id={reply.id}>
                <div className="saved-reply-head">
                  <code>/{reply.shortcut}</code>
                  <strong>{reply.title}</strong>
                  <span className={`tag tag-scope-${reply.scope}`}>
                    {reply.scope === "team" ? "Team" : "Mine"}
                  </span>
                  {canEdit(reply) && (
                    <span className="saved-reply-actions">
                      <button type="button" className="btn btn-small" onClick={() => setEditing(reply)}>
                        Edit<span className="visually-hidden"> /{reply.shortcut}</span>
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => void remove(reply)}>
                        Delete<span className="visually-hidden"> /{reply.shortcut}</span>
                      </button>
                    </span>
                  )}
                </div>
                <p className="saved-reply-text">{reply.text}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
