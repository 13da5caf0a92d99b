import { useState, type FormEvent } from "react";

/** The name and reply webhook of a new API channel. */
export function ChannelForm({
  busy,
  onCreate,
}: {
  busy: boolean;
  onCreate(name: string, webhookUrl: string): void;
}) {
  const [name, setName] = useState("");
  const [webhookUrl, setWebhookUrl] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(name, webhookUrl);
    setName("");
    setWebhookUrl("");
  };
  return (
    <form className="api-key-form" onSubmit={submit} aria-label="New API channel">
      <label>
        Name
        <input type="text" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Reply webhook URL
        <input type="url" required value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Add channel
      </button>
    </form>
  );
}
