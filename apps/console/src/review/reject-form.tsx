import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { formKeys } from "../components/form-keys";

interface Props {
  busy: boolean;
  onSubmit(reason: string, replacement: string | undefined): void;
  onCancel(): void;
}

/** Reject a draft with a reason; optionally write the reply yourself (sent in your name). */
export function RejectForm({ busy, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState("");
  const [reply, setReply] = useState("");
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const reasonId = useId();
  const replyId = useId();

  useEffect(() => reasonField.current?.focus(), []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!reason.trim()) return;
    onSubmit(reason.trim(), reply.trim() || undefined);
  };

  return (
    <form className="text-form" onSubmit={submit} onKeyDown={formKeys(submit, onCancel)}>
      <label htmlFor={reasonId}>Why is the draft wrong?</label>
      <textarea
        id={reasonId}
        ref={reasonField}
        rows={2}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={replyId}>Your reply to the customer (optional)</label>
      <textarea id={replyId} rows={4} value={reply} onChange={(e) => setReply(e.target.value)} />
      <p className="hint">
        With a reply, it is sent in your name. Without one, the conversation goes to the human queue.
      </p>
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={busy || !reason.trim()}>
          {reply.trim() ? "Reject and send my reply" : "Reject draft"}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter to submit · Esc to cancel</span>
      </div>
    </form>
  );
}
