import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Correction, CorrectionApprove } from "@handoff/contracts";
import { parseTags } from "./correction-labels";
import { formKeys } from "../components/form-keys";

interface Props {
  correction: Correction;
  busy: boolean;
  onSubmit(rewrite: CorrectionApprove): void;
  onCancel(): void;
}

/**
 * Rewrite a correction into a reusable example (a general question, a self-contained answer) and tag
 * it, then approve. Only what changed is sent, so the audit log tells a rewrite from a plain approval.
 */
export function ApproveForm({ correction, busy, onSubmit, onCancel }: Props) {
  const [question, setQuestion] = useState(correction.question);
  const [answer, setAnswer] = useState(correction.answer);
  const [tags, setTags] = useState(correction.tags.join(", "));
  const first = useRef<HTMLTextAreaElement>(null);
  const ids = { question: useId(), answer: useId(), tags: useId() };

  useEffect(() => first.current?.focus(), []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!question.trim() || !answer.trim()) return;
    const rewrite: CorrectionApprove = {};
    if (question.trim() !== correction.question) rewrite.question = question.trim();
    if (answer.trim() !== correction.answer) rewrite.answer = answer.trim();
    const parsed = parseTags(tags);
    if (parsed.join(",") !== correction.tags.join(",")) rewrite.tags = parsed;
    onSubmit(rewrite);
  };

  return (
    <form className="text-form" onSubmit={submit} onKeyDown={formKeys(submit, onCancel)}>
      <label htmlFor={ids.question}>Question</label>
      <textarea
        id={ids.question}
        ref={first}
        rows={2}
        required
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <label htmlFor={ids.answer}>Answer</label>
      <textarea
        id={ids.answer}
        rows={4}
        required
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
      />
      <label htmlFor={ids.tags}>Tags</label>
      <input id={ids.tags} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />
      <p className="hint">
        Write the question as customers ask it and an answer that stands on its own: the bot reuses both.
        Separate tags with commas.
      </p>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-success"
          disabled={busy || !question.trim() || !answer.trim()}
        >
          Save and approve
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter to submit · Esc to cancel</span>
      </div>
    </form>
  );
}
