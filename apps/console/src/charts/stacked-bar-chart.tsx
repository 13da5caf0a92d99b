import { axisFor, bands, scale } from "./chart-scale";
import { dayLabel, labelEvery } from "./day-label";
import "./charts.css";

/** One stacked part of each bar. */
export interface Series {
  key: string;
  label: string;
  /** Sets the part's colour (see charts.css). */
  className: string;
}

interface Props {
  /** What the chart shows, read out by screen readers. */
  title: string;
  days: string[];
  series: Series[];
  /** values[day][series] */
  values: number[][];
}

const W = 640;
const H = 220;
const PAD = { left: 34, right: 8, top: 10, bottom: 24 };

/** Stacked bars per day in plain SVG (no chart library): one bar per day, one part per series. */
export function StackedBarChart({ title, days, series, values }: Props) {
  const totals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const axis = axisFor(Math.max(0, ...totals), { integer: true });
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const { step, bar } = bands(days.length, plotW);
  const every = labelEvery(days.length);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {axis.ticks.map((t) => {
          const y = PAD.top + plotH - scale(t, axis.max, plotH);
          return (
            <g key={t} className="chart-grid">
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {t}
              </text>
            </g>
          );
        })}
        {days.map((day, i) => {
          const x = PAD.left + i * step + (step - bar) / 2;
          let base = PAD.top + plotH;
          const row = values[i] ?? [];
          return (
            <g key={day}>
              <title>
                {`${dayLabel(day)}: ${series.map((s, j) => `${row[j] ?? 0} ${s.label.toLowerCase()}`).join(", ")}`}
              </title>
              {series.map((s, j) => {
                const h = scale(row[j] ?? 0, axis.max, plotH);
                base -= h;
                return h > 0 ? (
                  <rect key={s.key} className={s.className} x={x} y={base} width={bar} height={h} />
                ) : null;
              })}
              {i % every === 0 && (
                <text className="chart-x" x={x + bar / 2} y={H - 6} textAnchor="middle">
                  {dayLabel(day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key}>
            <svg width="10" height="10" aria-hidden="true">
              <rect className={s.className} width="10" height="10" rx="2" />
            </svg>{" "}
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
