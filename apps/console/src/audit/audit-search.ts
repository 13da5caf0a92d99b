/** Rows per page of the audit log. */
export const PAGE_SIZE = 25;

/** One page of a list (clamped to the pages there are), and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(current * size, current * size + size), page: current, pages };
}

/** An event's details on one line: "route: approval · reason: risk_rule", long values shortened. */
export function detailsLine(details: Record<string, unknown>, max = 160): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  const line = parts.join(" · ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
