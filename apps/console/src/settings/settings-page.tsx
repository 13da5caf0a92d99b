import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { ApprovalTimeoutPolicy, Settings } from "@handoff/contracts";
import type { RestClient } from "../api/rest-client";
import { getSettings, saveSettings } from "../api/settings-api";
import { Section } from "../components/section";
import { useAction } from "../hooks/use-action";
import { useCategories } from "../hooks/use-categories";
import { useRemote } from "../hooks/use-remote";
import { CategoryChecklist } from "./category-checklist";
import { CategoryThresholds } from "./category-thresholds";
import { RiskRulesFields } from "./risk-rules-fields";
import { fromDraft, toDraft, type SettingsDraft } from "./settings-draft";
import { ThresholdInputs } from "./threshold-inputs";
import "./settings.css";

const POLICIES: Array<{ value: ApprovalTimeoutPolicy; label: string }> = [
  { value: "escalate", label: "Tell the customer and hand over to the human queue" },
  { value: "reject", label: "Hand over to the human queue without a holding message" },
  { value: "auto_send", label: "Send the draft (soft-gate categories, no risk rule), otherwise escalate" },
];

/**
 * Thresholds and autonomy: routing thresholds, risk rules, deadlines, timeout policy, shadow mode,
 * help-center links.
 */
export function SettingsPage({ client }: { client: RestClient }) {
  const load = useCallback(() => getSettings(client), [client]);
  const saved = useRemote(load);
  const categories = useCategories(client);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [current, setCurrent] = useState<Settings | null>(null);
  const save = useAction();
  const [done, setDone] = useState<string | null>(null);

  // The form starts from what the server has, and again after each save.
  useEffect(() => {
    if (saved.data) {
      setCurrent(saved.data);
      setDraft(toDraft(saved.data));
    }
  }, [saved.data]);

  const checked = useMemo(() => (draft ? fromDraft(draft) : null), [draft]);
  const errors = checked?.errors ?? {};
  const dirty = Boolean(draft && current && JSON.stringify(toDraft(current)) !== JSON.stringify(draft));

  if (!draft) {
    return (
      <div className="desk-page">
        <h1>Settings</h1>
        {saved.error ? (
          <p className="form-error" role="alert">
            {saved.error}
          </p>
        ) : (
          <p className="empty">Loading the settings…</p>
        )}
      </div>
    );
  }

  const edit = (patch: Partial<SettingsDraft>) => {
    setDone(null);
    setDraft({ ...draft, ...patch });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!checked?.settings) return;
    const settings = checked.settings;
    const result = await save.run(() => saveSettings(client, settings));
    if (result) {
      setCurrent(result);
      setDraft(toDraft(result));
      setDone("Settings saved. The next message is routed with them.");
    }
  };

  return (
    <form className="desk-page settings" onSubmit={(e) => void submit(e)} noValidate>
      <header className="page-header">
        <h1>Settings</h1>
        <p className="muted">
          A message is sent automatically when its confidence reaches the auto threshold, waits for approval
          from the review threshold, and goes to a person below it. Risk rules apply whatever the confidence.
        </p>
      </header>

      <Section title="Routing thresholds">
        <ThresholdInputs
          auto={draft.auto}
          review={draft.review}
          error={errors.thresholds}
          onChange={(t) => edit({ auto: t.auto, review: t.review })}
        />
        <h4 className="subhead">Per category</h4>
        <CategoryThresholds
          rows={draft.categories}
          categories={categories}
          errors={errors}
          defaults={{ auto: draft.auto, review: draft.review }}
          onChange={(rows) => edit({ categories: rows })}
        />
      </Section>

      <Section title="Risk rules">
        <RiskRulesFields
          routes={draft.riskRoutes}
          phrases={draft.customRiskPhrases}
          errors={errors}
          onRoutes={(riskRoutes) => edit({ riskRoutes })}
          onPhrases={(customRiskPhrases) => edit({ customRiskPhrases })}
        />
      </Section>

      <Section title="Deadlines and timeouts">
        <div className="field-row">
          <label className="field">
            Approval deadline (minutes)
            <input
              type="number"
              min={1}
              max={10080}
              step={1}
              value={draft.approvalDeadlineMinutes}
              aria-invalid={errors.approvalDeadlineMinutes ? true : undefined}
              onChange={(e) => edit({ approvalDeadlineMinutes: e.target.value })}
            />
          </label>
          <label className="field">
            Handoff deadline (minutes)
            <input
              type="number"
              min={1}
              max={10080}
              step={1}
              value={draft.handoffDeadlineMinutes}
              aria-invalid={errors.handoffDeadlineMinutes ? true : undefined}
              onChange={(e) => edit({ handoffDeadlineMinutes: e.target.value })}
            />
          </label>
          {(errors.approvalDeadlineMinutes ?? errors.handoffDeadlineMinutes) && (
            <p className="field-error" role="alert">
              {errors.approvalDeadlineMinutes ?? errors.handoffDeadlineMinutes}
            </p>
          )}
        </div>
        <label className="field field-wide">
          When nobody approves a draft in time
          <select
            value={draft.approvalTimeoutPolicy}
            onChange={(e) =>
              edit({
                approvalTimeoutPolicy:
                  POLICIES.find((p) => p.value === e.target.value)?.value ?? draft.approvalTimeoutPolicy,
              })
            }
          >
            {POLICIES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <CategoryChecklist
          legend="Soft-gate categories"
          hint="With the “send the draft” policy, a low-risk draft in these categories is sent when its review times out."
          options={categories}
          value={draft.softGateCategories}
          onChange={(v) => edit({ softGateCategories: v })}
        />
      </Section>

      <Section title="Shadow mode">
        <CategoryChecklist
          legend="Shadow categories"
          hint="The bot drafts but a person sends every answer; the dashboard measures how often the draft was sent unchanged."
          options={categories}
          value={draft.shadowCategories}
          onChange={(v) => edit({ shadowCategories: v })}
        />
      </Section>

      <Section title="Help center">
        <label className="field field-wide">
          Article link
          <input
            type="text"
            value={draft.helpCenterUrl}
            placeholder="https://help.example.com/articles/{id}"
            aria-invalid={errors.helpCenterUrl ? true : undefined}
            onChange={(e) => edit({ helpCenterUrl: e.target.value })}
          />
        </label>
        <p className="hint">
          {"{id}"} is replaced by the article's id; sources link there for agents and customers.
        </p>
        {errors.helpCenterUrl && (
          <p className="field-error" role="alert">
            {errors.helpCenterUrl}
          </p>
        )}
      </Section>

      <div className="save-bar">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.busy || !checked?.settings || !dirty}
        >
          {save.busy ? "Saving…" : "Save settings"}
        </button>
        <button
          type="button"
          className="btn"
          disabled={save.busy || !dirty}
          onClick={() => current && setDraft(toDraft(current))}
        >
          Discard changes
        </button>
        {checked?.errors ? (
          <span className="field-error">Fix the marked fields to save.</span>
        ) : (
          dirty && <span className="hint">Unsaved changes</span>
        )}
        {done && (
          <span className="save-ok" role="status">
            {done}
          </span>
        )}
        {save.error && (
          <span className="field-error" role="alert">
            Not saved: {save.error}
          </span>
        )}
      </div>
    </form>
  );
}
