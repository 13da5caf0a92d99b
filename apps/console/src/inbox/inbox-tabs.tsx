import { TABS, type TabId } from "./inbox-items";

interface Props {
  tab: TabId;
  counts: Record<TabId, number>;
  onChange(tab: TabId): void;
}

/** The inbox's filters, as ARIA tabs (arrow keys move between them; 1–5 jump from anywhere). */
export function InboxTabs({ tab, counts, onChange }: Props) {
  const move = (delta: number) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + delta + TABS.length) % TABS.length];
    if (next) {
      onChange(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label="Inbox filters"
      onKeyDown={(e) => {
        if (e.key === "ArrowRight") move(1);
        else if (e.key === "ArrowLeft") move(-1);
        else return;
        e.preventDefault();
      }}
    >
      {TABS.map((t, i) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          aria-controls="inbox-panel"
          aria-keyshortcuts={String(i + 1)}
          tabIndex={tab === t.id ? 0 : -1}
          className="tab"
          onClick={() => onChange(t.id)}
        >
          {t.label}{" "}
          <span className="tab-count">
            {counts[t.id]}
            <span className="visually-hidden"> items</span>
          </span>
        </button>
      ))}
    </div>
  );
}
