import { useState } from "react";
import type { RefitPreview, RefitRouting } from "@handoff/contracts";
import { applyRefit, previewRefit } from "../api/refit-api";
import type { RestClient } from "../api/rest-client";
import { Section } from "../components/section";
import { useAction } from "../hooks/use-action";
import { percent } from "./format-metric";

interface Props {
  client: RestClient;
  /** The dashboard's period: the decisions the refit learns from. */
  range: { from: Date; to: Date } | null;
}

const thresholds = (r: RefitRouting) =>
  `auto ≥ ${r.thresholds.auto.toFixed(3)} · review ≥ ${r.thresholds.review.toFixed(3)}`;
const changed = (r: RefitRouting) => `${r.reviewedWrong} of ${r.reviewedSent} (${percent(r.errorRate)})`;

/**
 * Refits the confidence from this deployment's own decisions in the period (approved unchanged =
 * right; edited, rejected, taken over = wrong), shows what it would change, and applies it only when
 * the supervisor confirms.
 */
export function RefitPanel({ client, range }: Props) {
  const [preview, setPreview] = useState<RefitPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const action = useAction();

  const onPreview = async () => {
    if (!range) return;
    setApplied(null);
    setConfirming(false);
    const next = await action.run(() =>
      previewRefit(client, { from: range.from.toISOString(), to: range.to.toISOString() }),
    );
    if (next) setPreview(next);
  };

  const onApply = async () => {
    const model = preview?.proposed?.model;
    if (!model) return;
    setConfirming(false);
    const settings = await action.run(() => applyRefit(client, model));
    if (!settings) return;
    setPreview(null);
    setApplied(
      `Applied: the bot now scores with the refitted confidence; auto ≥ ${settings.thresholds.auto.toFixed(3)}, review ≥ ${settings.thresholds.review.toFixed(3)}.`,
    );
  };

  const proposed = preview?.proposed ?? null;
  return (
    <Section title="Refit confidence from your team's decisions" className="refit">
      <p className="hint">
        Learns when a draft can be sent alone from the drafts your team approved unchanged (right) and edited,
        rejected or took over (wrong) in this period. Nothing changes until you apply it.
      </p>
      <button type="button" className="btn" disabled={action.busy || !range} onClick={() => void onPreview()}>
        Preview refit
      </button>
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
      {applied && (
        <p className="notice notice-ok" role="status">
          {applied}
        </p>
      )}
      {preview && (
        <div className="refit-preview" aria-label="Refit preview">
          <p>
            {preview.decisions.total} decisions: {preview.decisions.approved} approved unchanged,{" "}
            {preview.decisions.edited} edited, {preview.decisions.rejected} rejected,{" "}
            {preview.decisions.takenOver} taken over · {preview.messages} messages
          </p>
          {preview.blocked && <p className="muted">{preview.blocked}</p>}
          <table className="refit-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Now</th>
                {proposed && <th scope="col">After the refit</th>}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Messages sent without a person</th>
                <td>{percent(preview.current.automation)}</td>
                {proposed && <td>{percent(proposed.automation)}</td>}
              </tr>
              <tr>
                <th scope="row">Reviewed drafts it would send, that your team changed</th>
                <td>{changed(preview.current)}</td>
                {proposed && <td>{changed(proposed)}</td>}
              </tr>
              <tr>
                <th scope="row">Thresholds</th>
                <td>{thresholds(preview.current)}</td>
                {proposed && <td>{thresholds(proposed)}</td>}
              </tr>
            </tbody>
          </table>
          {proposed && (
            <>
              <p className="hint">
                Checked on periods it was not fitted on: {proposed.heldOut.autoSent} drafts sent,{" "}
                {proposed.heldOut.autoWrong} of them changed by your team (precision{" "}
                {percent(proposed.heldOut.precision)}).
              </p>
              {confirming ? (
                <div className="refit-actions">
                  <span>The bot will score every new message with this fit at once.</span>
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={action.busy}
                    onClick={() => void onApply()}
                  >
                    Apply the refit
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                    Keep the current one
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={action.busy}
                  onClick={() => setConfirming(true)}
                >
                  Apply…
                </button>
              )}
            </>
          )}
        </div>
      )}
    </Section>
  );
}
