import { useEffect, useId, useRef, useState, type FormEvent } from "react";

interface Props {
  canReply: boolean;
  disabledReason: string | null;
  onSend(text: string, internal: boolean): Promise<boolean>;
  onTyping(typing: boolean): void;
}

const IDLE_MS = 2500;

/**
 * Writes to the customer, or an internal note the customer never sees. Enter sends, Shift+Enter
 * breaks the line; the customer sees "typing" while the agent writes a reply (never for notes).
 */
export function Composer({ canReply, disabledReason, onSend, onTyping }: Props) {
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(!canReply);
  const [sending, setSending] = useState(false);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fieldId = useId();
  const noteId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  // Claiming (or losing) the conversation switches between replies and notes.
  useEffect(() => {
    setInternal(!canReply);
  }, [canReply]);

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typing.current) {
      typing.current = false;
      onTyping(false);
    }
  };
  useEffect(() => () => clearTimeout(idle.current), []);

  const change = (value: string) => {
    setText(value);
    if (internal) return;
    if (!typing.current && value.trim()) {
      typing.current = true;
      onTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, IDLE_MS);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const value = text.trim();
    if (!value || sending) return;
    stopTyping();
    setSending(true);
    const ok = await onSend(value, internal);
    setSending(false);
    if (ok) setText("");
    field.current?.focus();
  };

  const mode = internal ? "note" : "reply";
  return (
    <form className={`composer composer-${mode}`} onSubmit={submit}>
      <label htmlFor={fieldId} className="visually-hidden">
        {internal ? "Write an internal note" : "Reply to the customer"}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        value={text}
        placeholder={internal ? "Internal note: only your team sees this" : "Write to the customer…"}
        onChange={(e) => change(e.target.value)}
        onBlur={stopTyping}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div className="composer-actions">
        <label htmlFor={noteId} className="switch">
          <input
            id={noteId}
            type="checkbox"
            checked={internal}
            disabled={!canReply}
            onChange={(e) => {
              stopTyping();
              setInternal(e.target.checked);
            }}
          />
          Internal note
        </label>
        {disabledReason && <span className="hint">{disabledReason}</span>}
        <button type="submit" className="btn btn-primary" disabled={sending || !text.trim()}>
          {internal ? "Add note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}
