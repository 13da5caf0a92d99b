import { useCallback, useState } from "react";
import { exportAudit, listAudit, type AuditExportFormat } from "../api/audit-api";
import type { RestClient } from "../api/rest-client";
import { count } from "../components/count";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { AuditFilters, type AuditFilter } from "./audit-filters";
import { pageOf } from "./audit-search";
import { AuditTable } from "./audit-table";
import "./audit.css";

/** The most the audit API returns at once; the newest ones come first. */
const FETCH_LIMIT = 1000;

/** The audit log: every routing decision, human decision, setting change and correction review. */
export function AuditLog({ client }: { client: RestClient }) {
  const [filter, setFilter] = useState<AuditFilter>({ action: "", conversationId: "", text: "" });
  const [page, setPage] = useState(0);
  const load = useCallback(
    () => listAudit(client, { ...scopeOf(filter), limit: FETCH_LIMIT }),
    [client, filter],
  );
  const events = useRemote(load);
  const download = useAction();
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const matching = events.data ?? [];
  const shown = pageOf(matching, page);

  const save = async (format: AuditExportFormat) => {
    setDownloaded(null);
    const ok = await download.run(async () => {
      await exportAudit(client, format, scopeOf(filter));
      return true;
    });
    if (ok) setDownloaded(`Downloaded audit.${format}`);
  };

  return (
    <div className="desk-page">
      <header className="page-header page-header-actions">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Routing decisions, human decisions, setting changes and correction reviews.</p>
        </div>
        <div className="export-buttons" role="group" aria-label="Export">
          <button type="button" className="btn" disabled={download.busy} onClick={() => void save("csv")}>
            Export CSV
          </button>
          <button type="button" className="btn" disabled={download.busy} onClick={() => void save("jsonl")}>
            Export JSON Lines
          </button>
        </div>
      </header>
      <AuditFilters
        filter={filter}
        onApply={(f) => {
          setFilter(f);
          setPage(0);
        }}
      />
      <p className="hint">
        Exports hold every event matching the filters (up to 10,000), the list below the newest{" "}
        {FETCH_LIMIT.toLocaleString("en")}.
      </p>
      {downloaded && (
        <p className="notice notice-ok" role="status">
          {downloaded}
        </p>
      )}
      {(download.error ?? events.error) && (
        <p className="form-error" role="alert">
          {download.error ?? events.error}
        </p>
      )}
      {events.loading && !events.data ? (
        <p className="empty">Loading the audit log…</p>
      ) : matching.length === 0 ? (
        <p className="empty">No event matches.</p>
      ) : (
        <>
          <AuditTable events={shown.items} />
          <nav className="pager" aria-label="Audit pages">
            <button
              type="button"
              className="btn btn-small"
              disabled={shown.page === 0}
              onClick={() => setPage(shown.page - 1)}
            >
              Newer
            </button>
            <span>
              Page {shown.page + 1} of {shown.pages} · {count(matching.length, "event")}
              {events.data?.length === FETCH_LIMIT
                ? ` (the newest ${FETCH_LIMIT}; narrow the filters for older ones)`
                : ""}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={shown.page >= shown.pages - 1}
              onClick={() => setPage(shown.page + 1)}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

/** The filters as the audit API takes them (searched on the server, so older events are found too). */
function scopeOf(filter: AuditFilter) {
  return {
    action: filter.action || undefined,
    conversationId: filter.conversationId || undefined,
    text: filter.text || undefined,
  };
}
