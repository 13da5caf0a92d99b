import { bands, scale } from "./chart-scale";
import { dayLabel, labelEvery } from "./day-label";
import "./charts.css";

interface Props {
  /** What the chart shows, read out by screen readers. */
  title: string;
  days: string[];
  /** A rate (0..1) per day; null where there is nothing to measure, which breaks the line. */
  values: Array<number | null>;
}

const W = 640;
const H = 220;
const PAD = { left: 40, right: 8, top: 10, bottom: 24 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** A rate over days as a line in plain SVG, 0–100%. */
export function LineChart({ title, days, values }: Props) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const { step } = bands(days.length, plotW);
  const every = labelEvery(days.length);
  const x = (i: number) => PAD.left + i * step + step / 2;
  const y = (v: number) => PAD.top + plotH - scale(v, 1, plotH);

  // Consecutive days with a value form one stroke; a day without messages ends it.
  const strokes: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) strokes.push(current.join(" "));
      current = [];
    } else current.push(`${x(i)},${y(v)}`);
  });
  if (current.length) strokes.push(current.join(" "));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {TICKS.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {`${t * 100}%`}
            </text>
          </g>
        ))}
        {strokes.map((points) => (
          <polyline key={points} className="chart-line" points={points} />
        ))}
        {values.map((v, i) => (
          <g key={days[i]}>
            {v !== null && (
              <circle className="chart-dot" cx={x(i)} cy={y(v)} r={3.5}>
                <title>{`${dayLabel(days[i] ?? "")}: ${Math.round(v * 100)}%`}</title>
              </circle>
            )}
            {i % every === 0 && (
              <text className="chart-x" x={x(i)} y={H - 6} textAnchor="middle">
                {dayLabel(days[i] ?? "")}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
