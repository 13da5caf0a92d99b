import { useCallback, useEffect, useState, type ComponentProps } from "react";
import type { QuarantineList } from "@handoff/contracts";
import { rejectCorrection } from "../api/corrections-api";
import { deleteArticle, listQuarantine, releaseArticle, releaseCorrection } from "../api/quarantine-api";
import type { RestClient } from "../api/rest-client";
import { dateTime } from "../components/format-time";
import { QuarantinedItem } from "./quarantined-item";
import "./quarantine.css";

/**
 * Knowledge the bot does not use because it reads as instructions to the bot or asks for secrets:
 * each article or correction with the reasons, to release (the bot uses it again) or remove.
 */
export function QuarantinePage({ client }: { client: RestClient }) {
  const [list, setList] = useState<QuarantineList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await listQuarantine(client));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const empty = list && list.articles.length === 0 && list.corrections.length === 0;
  return (
    <div className="desk-page quarantine-page">
      <header className="page-header">
        <h1>Quarantine</h1>
        <p className="muted">
          Articles and corrections held back because they address the bot, tell it what to say, or ask
          customers for card numbers, codes or passwords. The bot never uses them until you release them.
        </p>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!list && !error && <p className="empty">Loading…</p>}
      {empty && <p className="empty">Nothing is held back.</p>}
      {list && (
        <HeldSection
          label="Quarantined articles"
          heading="Articles"
          busy={busy}
          items={list.articles.map((a) => ({
            kind: "article" as const,
            id: a.id,
            title: a.title,
            text: a.body,
            reasons: a.screening?.reasons ?? [],
            when: a.screening ? dateTime(a.screening.at) : null,
            removeLabel: "Delete article",
            onRelease: () => act(() => releaseArticle(client, a.id)),
            onRemove: () => act(() => deleteArticle(client, a.id)),
          }))}
        />
      )}
      {list && (
        <HeldSection
          label="Quarantined corrections"
          heading="Corrections"
          busy={busy}
          items={list.corrections.map((c) => ({
            kind: "correction" as const,
            id: c.id,
            title: c.question,
            text: c.answer,
            reasons: c.reason ? c.reason.split("; ") : [],
            when: c.reviewedAt ? dateTime(c.reviewedAt) : null,
            removeLabel: "Reject correction",
            onRelease: () => act(() => releaseCorrection(client, c.id)),
            onRemove: () => act(() => rejectCorrection(client, c.id, "removed from quarantine")),
          }))}
        />
      )}
    </div>
  );
}

type HeldItem = Omit<ComponentProps<typeof QuarantinedItem>, "busy">;

/** One kind of held knowledge, left out when there is none. */
function HeldSection(props: { label: string; heading: string; busy: boolean; items: HeldItem[] }) {
  if (props.items.length === 0) return null;
  return (
    <section aria-label={props.label}>
      <h2>{props.heading}</h2>
      {props.items.map((item) => (
        <QuarantinedItem key={item.id} {...item} busy={props.busy} />
      ))}
    </section>
  );
}
