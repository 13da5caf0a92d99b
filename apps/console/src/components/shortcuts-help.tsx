import { useEffect, useRef } from "react";

const SHORTCUTS: Array<[string, string]> = [
  ["J / ↓", "Next item"],
  ["K / ↑", "Previous item"],
  ["1 – 5", "Switch inbox tab"],
  ["A", "Approve the draft"],
  ["E", "Edit the draft in place"],
  ["R", "Reject the draft"],
  ["G", "Guide the bot to redraft"],
  ["T", "Take over the conversation"],
  ["C", "Claim a waiting handoff"],
  ["/", "Focus the reply box"],
  ["Ctrl+Enter", "Submit a form"],
  ["Esc", "Cancel a form, close this help"],
  ["?", "Show this help"],
];

/** The list of keyboard shortcuts, as a modal dialog. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
