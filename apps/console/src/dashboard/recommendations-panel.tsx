import type { Recommendation } from "@handoff/contracts";
import { Section } from "../components/section";
import { percent } from "./format-metric";

interface Props {
  recommendations: Recommendation[] | null;
  busy: boolean;
  onApply(recommendation: Recommendation): void;
}

const thresholds = (t: Recommendation["current"]) =>
  `auto ≥ ${t.auto.toFixed(2)} · review ≥ ${t.review.toFixed(2)}`;

/** Threshold changes the review history supports, each applied with one click (and audited). */
export function RecommendationsPanel({ recommendations, busy, onApply }: Props) {
  return (
    <Section title="Recommendations">
      {recommendations === null ? (
        <p className="muted">Loading…</p>
      ) : recommendations.length === 0 ? (
        <p className="muted">
          No change recommended: a category needs 50 reviews approved unchanged more than 95% of the time to
          be relaxed, or drafts changed more than 30% of the time to need attention.
        </p>
      ) : (
        <ul className="recommendations">
          {recommendations.map((r) => (
            <li key={`${r.category}:${r.kind}`} className={`recommendation recommendation-${r.kind}`}>
              <div>
                <p className="recommendation-title">
                  <span className={`tag tag-rec-${r.kind}`}>
                    {r.kind === "relax" ? "Relax" : "Needs attention"}
                  </span>{" "}
                  <strong>{r.category}</strong>
                </p>
                <p className="recommendation-text">{r.explanation}</p>
                <p className="hint">
                  {r.reviews} reviews · {percent(r.unmodifiedRate)} unchanged · {percent(r.modifiedRate)}{" "}
                  changed · now {thresholds(r.current)} → suggested {thresholds(r.suggested)}
                </p>
              </div>
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={busy}
                onClick={() => onApply(r)}
                aria-label={`Apply the recommendation for ${r.category}`}
              >
                Apply
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
