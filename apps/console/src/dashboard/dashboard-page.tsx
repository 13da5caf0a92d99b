import { useCallback, useMemo, useState } from "react";
import type { Recommendation } from "@handoff/contracts";
import { applyRecommendation, getMetrics, getRecommendations } from "../api/metrics-api";
import type { RestClient } from "../api/rest-client";
import { dateTime } from "../components/format-time";
import { useAction } from "../hooks/use-action";
import { useCategories } from "../hooks/use-categories";
import { useRemote } from "../hooks/use-remote";
import { Breakdowns } from "./breakdowns";
import { DashboardFilters, type DashboardFilter } from "./dashboard-filters";
import { MetricTiles } from "./metric-tiles";
import { customRange, dayInput, presetRange } from "./period";
import { RecommendationsPanel } from "./recommendations-panel";
import { RefitPanel } from "./refit-panel";
import { TrafficCharts } from "./traffic-charts";
import "./dashboard.css";

const WEEK_MS = 7 * 86_400_000;

/** The supervisor dashboard: how much the bot handles, how people decide, and what to tune. */
export function DashboardPage({ client }: { client: RestClient }) {
  const [now, setNow] = useState(() => new Date());
  const [filter, setFilter] = useState<DashboardFilter>(() => ({
    period: "7d",
    from: dayInput(new Date(Date.now() - WEEK_MS)),
    to: dayInput(new Date()),
    category: "",
  }));
  const categories = useCategories(client);
  const range = useMemo(
    () =>
      filter.period === "custom" ? customRange(filter.from, filter.to) : presetRange(filter.period, now),
    [filter.period, filter.from, filter.to, now],
  );

  const loadMetrics = useCallback(async () => {
    if (!range) throw new Error("Choose a period whose first day is not after its last day.");
    return getMetrics(client, {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      category: filter.category || undefined,
    });
  }, [client, range, filter.category]);
  const metrics = useRemote(loadMetrics);
  const loadRecommendations = useCallback(() => getRecommendations(client), [client]);
  const recommendations = useRemote(loadRecommendations);
  const apply = useAction();
  const [applied, setApplied] = useState<string | null>(null);

  const change = (next: DashboardFilter) => {
    // A preset period is measured up to the moment it is chosen.
    if (next.period !== filter.period) setNow(new Date());
    setFilter(next);
  };

  const onApply = async (r: Recommendation) => {
    setApplied(null);
    const settings = await apply.run(() => applyRecommendation(client, r.category, r.suggested));
    if (!settings) return;
    const t = settings.categoryThresholds[r.category] ?? r.suggested;
    setApplied(`Applied to ${r.category}: auto ≥ ${t.auto.toFixed(2)}, review ≥ ${t.review.toFixed(2)}.`);
    recommendations.reload();
  };

  const m = metrics.data;
  return (
    <div className="desk-page">
      <header className="page-header">
        <h1>Dashboard</h1>
        <p className="muted">
          {range ? `${dateTime(range.from)} – ${dateTime(range.to)}` : "Choose a period"}
          {filter.category ? ` · ${filter.category}` : " · all categories"}
        </p>
      </header>
      <DashboardFilters
        filter={filter}
        categories={categories}
        onChange={change}
        onRefresh={() => {
          setNow(new Date());
          recommendations.reload();
        }}
      />
      {metrics.error && (
        <p className="form-error" role="alert">
          {metrics.error}
        </p>
      )}
      {!m ? (
        <p className="empty">{metrics.loading ? "Loading the numbers…" : "No numbers to show."}</p>
      ) : (
        <div className={metrics.loading ? "is-refreshing" : undefined} aria-busy={metrics.loading}>
          <MetricTiles metrics={m} />
          {range && <TrafficCharts daily={m.daily} range={range} />}
          <Breakdowns metrics={m} />
        </div>
      )}
      {applied && (
        <p className="notice notice-ok" role="status">
          {applied}
        </p>
      )}
      {apply.error && (
        <p className="form-error" role="alert">
          {apply.error}
        </p>
      )}
      <RecommendationsPanel
        recommendations={recommendations.data}
        busy={apply.busy}
        onApply={(r) => void onApply(r)}
      />
      <RefitPanel client={client} range={range} />
    </div>
  );
}
