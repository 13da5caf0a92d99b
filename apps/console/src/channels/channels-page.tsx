import { useCallback, useState } from "react";
import { createChannel, listChannels, updateChannel } from "../api/channels-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { SigningSecret } from "../components/signing-secret";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";
import { ChannelDeliveryLog } from "./channel-delivery-log";
import { ChannelForm } from "./channel-form";
import "../api-keys/api-keys.css";

/**
 * Channels: API channels let another platform (a WhatsApp or Slack bridge) post its customers'
 * messages and get the replies at its webhook, signed with the channel's secret; each shows its
 * latest replies. Email is configured on the server (see the README).
 */
export function ChannelsPage({ client }: { client: RestClient }) {
  const channels = useRemote(useCallback(() => listChannels(client), [client]));
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const act = async <T,>(work: () => Promise<T>, after?: (result: T) => void) => {
    const result = await run(work);
    if (result !== undefined) after?.(result);
    channels.reload();
  };

  return (
    <div className="desk-page api-keys-page">
      <header className="page-header">
        <h1>Channels</h1>
        <p className="muted">
          The widget and email are built in. An API channel connects another platform: it posts
          customers&apos; messages to <code>POST /api/channels/&lt;id&gt;/messages</code> with an API key
          (scope <code>messages:send</code>), and every reply is posted to its webhook, signed with the
          channel&apos;s secret (header <code>x-handoff-signature</code>). Its messages go through the same
          bot, approvals and handoffs.
        </p>
      </header>
      <ChannelForm
        busy={busy}
        onCreate={(name, webhookUrl) =>
          void act(
            () => createChannel(client, { name, webhookUrl }),
            (r) => setSecret(r.secret),
          )
        }
      />
      {secret && <SigningSecret added="Channel" secret={secret} onDone={() => setSecret(null)} />}
      <FormError message={error ?? channels.error} />
      {channels.data && channels.data.length === 0 && <p className="empty">No API channels yet.</p>}
      {channels.data?.map((channel) => (
        <section key={channel.id} className="webhook-card" aria-label={channel.name}>
          <h2>{channel.name}</h2>
          <p>
            {channel.enabled ? "Enabled" : "Disabled"} · id <code>{channel.id}</code> · replies to{" "}
            <code>{channel.webhookUrl}</code>{" "}
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void act(() => updateChannel(client, channel.id, { enabled: !channel.enabled }))}
            >
              {channel.enabled ? "Disable" : "Enable"}
            </button>
          </p>
          <ChannelDeliveryLog client={client} channelId={channel.id} label={channel.name} />
        </section>
      ))}
    </div>
  );
}
