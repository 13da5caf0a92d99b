import type { Metrics } from "@handoff/contracts";
import { Section } from "../components/section";
import { LineChart } from "../charts/line-chart";
import { StackedBarChart } from "../charts/stacked-bar-chart";
import { dailyAutomation, fillDays } from "./daily-series";
import type { Range } from "./period";

const ROUTES = [
  { key: "auto", label: "Automatic", className: "fill-auto" },
  { key: "approval", label: "Approval", className: "fill-approval" },
  { key: "handoff", label: "Handoff", className: "fill-handoff" },
];

/** Messages per day by route, and the automation rate per day. */
export function TrafficCharts({ daily, range }: { daily: Metrics["daily"]; range: Range }) {
  const days = fillDays(daily, range);
  const dates = days.map((d) => d.date);
  const total = days.reduce((sum, d) => sum + d.messages, 0);
  return (
    <div className="chart-grid-2">
      <Section title="Messages per day">
        <StackedBarChart
          title={`Messages per day by route: ${total} in the period`}
          days={dates}
          series={ROUTES}
          values={days.map((d) => [d.auto, d.approval, d.handoff])}
        />
      </Section>
      <Section title="Automation rate per day">
        <LineChart
          title="Share of messages answered automatically, per day"
          days={dates}
          values={dailyAutomation(days)}
        />
      </Section>
    </div>
  );
}
