import type { ReactNode } from "react";

/** One number of the dashboard with its label and what it is made of; `warn` draws attention to it. */
export function StatTile({
  label,
  value,
  note,
  warn,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  warn?: boolean;
}) {
  return (
    <div className={`stat${warn ? " stat-warn" : ""}`}>
      <dt>{label}</dt>
      <dd className="stat-value">{value}</dd>
      {note && <dd className="stat-note">{note}</dd>}
    </div>
  );
}
