import { RouteReason, type Metrics } from "@handoff/contracts";
import { BarList } from "../charts/bar-list";
import { count } from "../components/count";
import { Section } from "../components/section";
import { reasonLabel } from "../inbox/describe";
import { percent } from "./format-metric";

const reasonText = (key: string) => {
  const parsed = RouteReason.safeParse(key);
  return parsed.success ? reasonLabel(parsed.data) : key;
};

/** Why messages needed a person, how people decided, and how customers rated the service. */
export function Breakdowns({ metrics: m }: { metrics: Metrics }) {
  const escalations = Object.entries(m.escalationsByReason)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ label: reasonText(key), value }));
  const d = m.decisions;
  const share = (n: number) => `${n} (${percent(d.total ? n / d.total : null)})`;
  const decisions = [
    { label: "Approved", value: d.approved, display: share(d.approved) },
    { label: "Edited", value: d.edited, display: share(d.edited) },
    { label: "Rejected", value: d.rejected, display: share(d.rejected) },
    { label: "Other (guided, taken over)", value: d.other, display: share(d.other) },
  ];
  const ratings = [5, 4, 3, 2, 1].map((score) => ({
    label: count(score, "star"),
    value: m.ratings.distribution[score - 1] ?? 0,
  }));
  return (
    <div className="chart-grid-3">
      <Section title="Escalations by reason">
        <BarList items={escalations} label="Escalations by reason" empty="Nothing was escalated." />
      </Section>
      <Section title="Human decisions">
        <BarList items={decisions} label="Human decisions" empty="No decisions in this period." />
      </Section>
      <Section title="Customer ratings">
        <BarList items={ratings} label="Customer ratings" empty="No ratings in this period." />
      </Section>
    </div>
  );
}
