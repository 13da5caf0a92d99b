import type { Confidence } from "@handoff/contracts";

const PARTS: Array<{ key: keyof Confidence["parts"]; label: string; hint: string }> = [
  { key: "model", label: "Model", hint: "the model's own assessment" },
  { key: "retrieval", label: "Retrieval", hint: "how well the knowledge base matched" },
  { key: "margin", label: "Margin", hint: "lead of the best source over the next" },
  { key: "coverage", label: "Coverage", hint: "share of the question's key terms covered" },
  { key: "rules", label: "Rules", hint: "risk rule signals" },
  { key: "answer", label: "Answer", hint: "share of the question the answer's passage states" },
  { key: "fact", label: "Fact", hint: "whether the answer states the kind of fact asked for" },
  { key: "known", label: "Known", hint: "share of the question the help center says anything about" },
  { key: "topic", label: "Topic", hint: "share of the question the source's title names" },
  { key: "correction", label: "Correction", hint: "whether the answer comes from an approved correction" },
  { key: "asked", label: "Asked", hint: "share of the correction's question the customer asked too" },
  {
    key: "lead",
    label: "Lead",
    hint: "lead of the answer's passage over the best one saying something else",
  },
  { key: "own", label: "Own words", hint: "share of the question the passage states itself, heading aside" },
  { key: "general", label: "General", hint: "0 when the question is about its own order number or amount" },
  {
    key: "support",
    label: "Support",
    hint: "an approved correction to a like question from the same source",
  },
  {
    key: "precedent",
    label: "Precedent",
    hint: "how like an approved correction's question the customer's is, when the answer agrees with it",
  },
];

const pct = (n: number) => `${Math.round(n * 100)}%`;
const level = (n: number) => (n >= 0.75 ? "high" : n >= 0.5 ? "medium" : "low");

/** The confidence score and the signals it was built from. */
export function ConfidenceMeter({ confidence }: { confidence: Confidence }) {
  return (
    <div className="confidence">
      <div className={`confidence-score level-${level(confidence.score)}`}>
        <span className="confidence-value">{pct(confidence.score)}</span>
        <span className="confidence-label">confidence</span>
      </div>
      <dl className="confidence-parts">
        {PARTS.map((p) => {
          const value = confidence.parts[p.key];
          // Only the offline answerer measures the answer's own signals; a part it lacks is not shown.
          if (value === undefined) return null;
          return (
            <div key={p.key} className="confidence-part" title={p.hint}>
              <dt>{p.label}</dt>
              <dd>
                <meter min={0} max={1} value={value} aria-label={`${p.label}: ${pct(value)}`} />
                <span>{pct(value)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
