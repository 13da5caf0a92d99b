import type { RiskFlag } from "@handoff/contracts";
import { riskLabel } from "../inbox/describe";

/** Risk rules that fired, with the words that triggered them and the route they force. */
export function RiskFlags({ flags }: { flags: RiskFlag[] }) {
  if (flags.length === 0) return <p className="muted">No risk rule fired.</p>;
  return (
    <ul className="risk-flags">
      {flags.map((f, i) => (
        <li key={`${f.category}:${i}`} className={`risk risk-${f.forces}`}>
          <strong>{riskLabel(f.category)}</strong>
          <span className="risk-forces">forces {f.forces}</span>
          <q className="risk-evidence">{f.evidence}</q>
        </li>
      ))}
    </ul>
  );
}
