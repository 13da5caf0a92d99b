import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useReplyPicker } from "../saved-replies/use-reply-picker";
import { formKeys } from "./form-keys";

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  placeholder?: string;
  busy?: boolean;
  required?: boolean;
  rows?: number;
  onSubmit(text: string): void;
  onCancel(): void;
  hint?: ReactNode;
  children?: ReactNode;
  /** Offers saved replies after "/", filled for this customer (null: a customer without a name). */
  savedReplies?: { customerName: string | null };
}

/**
 * One text field with submit and cancel; it takes focus when it opens, Ctrl/Cmd+Enter submits and
 * Escape cancels, so a decision never needs the mouse.
 */
export function TextForm(props: Props) {
  const { label, submitLabel, initial = "", placeholder, busy, required = true, rows = 4 } = props;
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const picker = useReplyPicker({
    field,
    text,
    setText,
    customerName: props.savedReplies?.customerName ?? null,
  });
  const offer = props.savedReplies !== undefined;

  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (required && !text.trim()) return;
    props.onSubmit(text.trim());
  };

  return (
    <form
      className="text-form"
      onSubmit={submit}
      onKeyDown={formKeys(submit, props.onCancel, () => field.current)}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={field}
        rows={rows}
        value={text}
        placeholder={placeholder}
        required={required}
        {...(offer ? picker.fieldProps : {})}
        onChange={(e) => {
          setText(e.target.value);
          if (offer) picker.refresh(e.target);
        }}
        onClick={(e) => offer && picker.refresh(e.currentTarget)}
        onKeyDown={(e) => offer && picker.onKeyDown(e)}
      />
      {offer && picker.picker}
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.children}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || (required && !text.trim())}>
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter to submit · Esc to cancel</span>
      </div>
    </form>
  );
}
