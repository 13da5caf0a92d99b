import type { ReactNode } from "react";
import { FormError } from "./form-error";
import { dateTime } from "./format-time";

/** What every outbound delivery log shows: its retry state. */
interface Delivery {
  id: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
}

/** A delivery's status, or when a failed one is tried again. */
export const deliveryStatus = (d: Delivery): string =>
  d.status === "pending" && d.attempts > 0 ? `retrying ${dateTime(d.nextAttemptAt)}` : d.status;

/**
 * The latest deliveries of one outbound target (a webhook endpoint, an API channel) with a refresh
 * button; each log names its own columns and fills a row's cells.
 */
export function DeliveryTable<T extends Delivery>({
  label,
  title,
  remote,
  columns,
  cells,
}: {
  label: string;
  title: string;
  remote: { data: T[] | null; error: string | null; reload: () => void };
  columns: string[];
  cells: (delivery: T) => ReactNode;
}) {
  return (
    <section aria-label={label}>
      <div className="webhook-log-head">
        <h3>{title}</h3>
        <button type="button" className="btn btn-small" onClick={remote.reload}>
          Refresh
        </button>
      </div>
      <FormError message={remote.error} />
      {remote.data && remote.data.length === 0 && <p className="empty">Nothing sent yet.</p>}
      {remote.data && remote.data.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {remote.data.map((d) => (
              <tr key={d.id}>{cells(d)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
