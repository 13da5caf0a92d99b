import { useCallback } from "react";
import type { ChannelLink } from "@handoff/contracts";
import { useRestClient } from "../api/client-context";
import { continueByEmail, conversationChannel } from "../api/channels-api";
import { FormError } from "../components/form-error";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";

const describe = (link: ChannelLink | null) =>
  link === null
    ? "Web chat: replies reach the customer in the widget."
    : link.kind === "email"
      ? `Email: replies are also emailed to ${link.address ?? "the customer"}, and their answers come back here.`
      : `API channel: replies are posted to the platform for thread ${link.externalKey ?? "?"}.`;

/** Where this conversation's replies go, and (for a customer who gave an email) continuing by email. */
export function ConversationChannelNote({
  conversationId,
  customerEmail,
}: {
  conversationId: string;
  customerEmail: string | undefined;
}) {
  const client = useRestClient();
  const load = useCallback(
    () => (client ? conversationChannel(client, conversationId) : Promise.resolve(null)),
    [client, conversationId],
  );
  const channel = useRemote(load);
  const { busy, error, run } = useAction();
  if (!channel.data) return channel.error ? <FormError message={channel.error} /> : null;
  const link = channel.data.link;
  return (
    <section className="conversation-channel" aria-label="Channel">
      <p className="muted">
        {describe(link)}{" "}
        {link === null && customerEmail && client && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() =>
              void run(() => continueByEmail(client, conversationId)).then(() => channel.reload())
            }
          >
            Continue by email
          </button>
        )}
      </p>
      <FormError message={error} />
    </section>
  );
}
