import { useCallback, useEffect, useState } from "react";
import type { Approver } from "@handoff/contracts";
import { listApprovers, setApproverPrefs } from "../api/approvers-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";

/** One person's approval preferences as a supervisor edits them. */
function ApproverRow({
  approver,
  client,
  onSaved,
}: {
  approver: Approver;
  client: RestClient;
  onSaved(text: string): void;
}) {
  const [email, setEmail] = useState(approver.emailApprovals);
  const [slack, setSlack] = useState(approver.slackUserId ?? "");
  const { busy, error, run } = useAction();
  useEffect(() => {
    setEmail(approver.emailApprovals);
    setSlack(approver.slackUserId ?? "");
  }, [approver]);
  const save = async () => {
    const slackUserId = slack.trim() === "" ? null : slack.trim();
    const saved = await run(() =>
      setApproverPrefs(client, approver.userId, { emailApprovals: email, slackUserId }),
    );
    if (saved) onSaved(`Approvals for ${approver.name} are saved.`);
  };
  return (
    <tr data-approver-id={approver.userId}>
      <td>{approver.name}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`Email approvals to ${approver.name}`}
          checked={email}
          onChange={(e) => setEmail(e.target.checked)}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={`Slack member id of ${approver.name}`}
          placeholder="U024BE7LH"
          maxLength={24}
          spellCheck={false}
          autoComplete="off"
          value={slack}
          onChange={(e) => setSlack(e.target.value)}
        />
        <FormError message={error} />
      </td>
      <td>
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Save approvals of ${approver.name}`}
          disabled={busy}
          onClick={() => void save()}
        >
          Save
        </button>
      </td>
    </tr>
  );
}

/**
 * Who takes approvals outside the console (supervisors): whether each active person gets approvals by
 * email, and the Slack member id whose clicks on approval buttons count as theirs.
 */
export function ApproversTable({ client }: { client: RestClient }) {
  const approvers = useRemote(useCallback(() => listApprovers(client), [client]));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="approvers-heading">
      <h2 id="approvers-heading">Approvals outside the console</h2>
      <p className="muted">
        Emailed approvals carry signed approve / reject links; a Slack member id makes that person&apos;s
        clicks on the approval buttons in Slack count as theirs.
      </p>
      <FormError message={approvers.error} />
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {approvers.data && (
        <table className="audit-table people-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email approvals</th>
              <th scope="col">Slack member id</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {approvers.data.approvers.map((approver) => (
              <ApproverRow
                key={approver.userId}
                approver={approver}
                client={client}
                onSaved={(text) => {
                  setNotice(text);
                  approvers.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
