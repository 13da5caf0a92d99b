import { useCallback, useId, useState, type FormEvent } from "react";
import type { ApproverPrefs } from "@handoff/contracts";
import { getApprovalPrefs, setApprovalPrefs } from "../api/approvers-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";

/**
 * Approvals outside the console: an email with approve / reject / open links for each approval that
 * opens, and the Slack member id whose clicks on the approval buttons count as yours.
 */
export function ApprovalsForm({ client }: { client: RestClient }) {
  const prefs = useRemote(useCallback(() => getApprovalPrefs(client), [client]));
  if (!prefs.data) return <FormError message={prefs.error} />;
  // The fields start from the loaded values, so the form never shows a blank id before they arrive.
  return <ApprovalsFields client={client} initial={prefs.data} />;
}

function ApprovalsFields({ client, initial }: { client: RestClient; initial: ApproverPrefs }) {
  const [email, setEmail] = useState(initial.emailApprovals);
  const [slack, setSlack] = useState(initial.slackUserId ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const hintId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const slackUserId = slack.trim() === "" ? null : slack.trim();
    const next = await run(() => setApprovalPrefs(client, { emailApprovals: email, slackUserId }));
    if (next)
      setSaved(
        [
          next.emailApprovals ? "Approvals are emailed to you." : "Approvals are not emailed to you.",
          next.slackUserId ? `Slack member ${next.slackUserId} is linked.` : "No Slack member is linked.",
        ].join(" "),
      );
  };

  return (
    <form className="account-form" onSubmit={save} aria-label="Approvals outside the console">
      <label className="switch">
        <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
        Email me each approval, with approve and reject links
      </label>
      <label className="field">
        Your Slack member id
        <input
          type="text"
          value={slack}
          placeholder="U024BE7LH"
          maxLength={24}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          onChange={(e) => setSlack(e.target.value)}
        />
      </label>
      <p className="muted" id={hintId}>
        In Slack: your profile, More, Copy member ID. Your clicks on an approval's buttons in Slack then count
        as yours; leave it empty to unlink.
      </p>
      <FormError message={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Save approvals
      </button>
      {saved && (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
