import "./charts.css";

/** One labelled bar. */
export interface BarItem {
  label: string;
  value: number;
  /** The value as shown; defaults to the number. */
  display?: string;
}

/**
 * Horizontal bars as HTML: each row keeps its label and value as text, so it reads well without the
 * bar and screen readers get the numbers.
 */
export function BarList({ items, label, empty }: { items: BarItem[]; label: string; empty: string }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  if (items.length === 0 || max === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="bar-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span className="bar-label">{item.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(item.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{item.display ?? item.value}</span>
        </li>
      ))}
    </ul>
  );
}
