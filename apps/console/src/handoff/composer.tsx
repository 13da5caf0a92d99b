import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useReplyPicker } from "../saved-replies/use-reply-picker";

interface Props {
  canReply: boolean;
  disabledReason: string | null;
  onSend(text: string, internal: boolean): Promise<boolean>;
  onTyping(typing: boolean): void;
  /** Fills a saved reply's {{customer.name}}. */
  customerName: string | null;
}

const IDLE_MS = 2500;

/**
 * Writes to the customer, or an internal note the customer never sees. Enter sends, Shift+Enter
 * breaks the line; the customer sees "typing" while the agent writes a reply (never for notes).
 */
export function Composer({ canReply, disabledReason, onSend, onTyping, customerName }: Props) {
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(!canReply);
  const [sending, setSending] = useState(false);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fieldId = useId();
  const noteId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const picker = useReplyPicker({ field, text, setText: (value) => change(value), customerName });

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
        placeholder={
          internal
            ? "Internal note: only your team sees this"
            : "Write to the customer… (/ for saved replies)"
        }
        {...picker.fieldProps}
        onChange={(e) => {
          change(e.target.value);
          picker.refresh(e.target);
        }}
        onClick={(e) => picker.refresh(e.currentTarget)}
        onBlur={stopTyping}
        onKeyDown={(e) => {
          if (picker.onKeyDown(e)) return;
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {picker.picker}
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
