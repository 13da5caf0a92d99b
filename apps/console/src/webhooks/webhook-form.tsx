import { useState, type FormEvent } from "react";
import { DomainEventType } from "@handoff/contracts";

/** The address and events of a new endpoint. */
export function WebhookForm({
  busy,
  onCreate,
}: {
  busy: boolean;
  onCreate(url: string, events: DomainEventType[]): void;
}) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<DomainEventType[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(url, events);
    setUrl("");
    setEvents([]);
  };
  return (
    <form className="api-key-form" onSubmit={submit} aria-label="New webhook">
      <label>
        Endpoint URL
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <fieldset>
        <legend>Events to send</legend>
        {DomainEventType.options.map((type) => (
          <label key={type} className="api-key-scope">
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) =>
                setEvents((current) =>
                  e.target.checked ? [...current, type] : current.filter((t) => t !== type),
                )
              }
            />
            <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={busy || events.length === 0}>
        Add webhook
      </button>
    </form>
  );
}
