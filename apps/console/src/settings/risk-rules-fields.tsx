import { RISK_ROUTES, TunableRiskCategory, type CustomRiskPhrase } from "@handoff/contracts";
import { riskLabel } from "../inbox/describe";
import type { FieldErrors, RiskRoute } from "./settings-draft";

const ROUTE_TEXT: Record<RiskRoute, string> = { approval: "needs approval", handoff: "goes to a person" };

interface Props {
  routes: Partial<Record<TunableRiskCategory, RiskRoute>>;
  phrases: CustomRiskPhrase[];
  errors: FieldErrors;
  onRoutes(routes: Partial<Record<TunableRiskCategory, RiskRoute>>): void;
  onPhrases(phrases: CustomRiskPhrase[]): void;
}

const categoryOf = (value: string) => TunableRiskCategory.safeParse(value).data ?? "money_movement";

/**
 * Risk rules: what each risk category forces (never an automatic answer; a request for a person
 * always goes to one), and extra phrases that raise a risk of a chosen category.
 */
export function RiskRulesFields({ routes, phrases, errors, onRoutes, onPhrases }: Props) {
  const setRoute = (category: TunableRiskCategory, value: string) => {
    const next = { ...routes };
    if (value === "approval" || value === "handoff") next[category] = value;
    else delete next[category];
    onRoutes(next);
  };
  const setPhrase = (i: number, patch: Partial<CustomRiskPhrase>) =>
    onPhrases(phrases.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <>
      <table className="threshold-table">
        <caption className="visually-hidden">Route each risk category forces</caption>
        <thead>
          <tr>
            <th scope="col">Risk</th>
            <th scope="col">A message with it</th>
          </tr>
        </thead>
        <tbody>
          {TunableRiskCategory.options.map((category) => (
            <tr key={category}>
              <th scope="row" className="row-label">
                {riskLabel(category)}
              </th>
              <td>
                <select
                  aria-label={`Route for ${riskLabel(category)}`}
                  value={routes[category] ?? ""}
                  onChange={(e) => setRoute(category, e.target.value)}
                >
                  <option value="">Built-in: {ROUTE_TEXT[RISK_ROUTES[category]]}</option>
                  <option value="approval">Needs approval</option>
                  <option value="handoff">Goes to a person</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4 className="subhead">Extra phrases</h4>
      {phrases.length === 0 ? (
        <p className="muted">Only the built-in wording raises a risk.</p>
      ) : (
        <ul className="phrase-list">
          {phrases.map((p, i) => (
            <li key={i}>
              <input
                type="text"
                aria-label={`Phrase ${i + 1}`}
                value={p.phrase}
                aria-invalid={errors[`phrase:${i}`] ? true : undefined}
                onChange={(e) => setPhrase(i, { phrase: e.target.value })}
              />
              <select
                aria-label={`Risk raised by phrase ${i + 1}`}
                value={p.category}
                onChange={(e) => setPhrase(i, { category: categoryOf(e.target.value) })}
              >
                {TunableRiskCategory.options.map((c) => (
                  <option key={c} value={c}>
                    {riskLabel(c)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Remove phrase ${i + 1}`}
                onClick={() => onPhrases(phrases.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              {errors[`phrase:${i}`] && (
                <span className="field-error" role="alert">
                  {errors[`phrase:${i}`]}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        A phrase matches as whole words, in any case (e.g. “chargeback” as money movement).
      </p>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onPhrases([...phrases, { phrase: "", category: "money_movement" }])}
      >
        Add a phrase
      </button>
    </>
  );
}
