import { PERIODS, type PeriodId } from "./period";

/** The period and category the dashboard shows. */
export interface DashboardFilter {
  period: PeriodId;
  /** Calendar days of a custom period ("2030-01-01"). */
  from: string;
  to: string;
  /** Empty for every category. */
  category: string;
}

interface Props {
  filter: DashboardFilter;
  categories: string[];
  onChange(filter: DashboardFilter): void;
  onRefresh(): void;
}

/** Period presets (or two days), a category, and a refresh that moves "now" forward. */
export function DashboardFilters({ filter, categories, onChange, onRefresh }: Props) {
  return (
    <div className="filters" role="group" aria-label="Dashboard filters">
      <div className="segmented" role="group" aria-label="Period">
        {PERIODS.map((p) => (
          <button
            key={p.id}
            type="button"
            className="segment"
            aria-pressed={filter.period === p.id}
            onClick={() => onChange({ ...filter, period: p.id })}
          >
            {p.label}
          </button>
        ))}
      </div>
      {filter.period === "custom" && (
        <>
          <label>
            From
            <input
              type="date"
              value={filter.from}
              onChange={(e) => onChange({ ...filter, from: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={filter.to}
              onChange={(e) => onChange({ ...filter, to: e.target.value })}
            />
          </label>
        </>
      )}
      <label>
        Category
        <select value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value })}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}
