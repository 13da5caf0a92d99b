import type { ChannelLink, User } from "@handoff/contracts";
import { DomainError } from "../../errors";
import { auditChannel } from "../channel-audit";
import type { ChannelDeps } from "../channel-deps";
import type { EmailChannelSettings } from "./email-settings";

/**
 * From now on the bot's and agents' replies in this conversation are emailed too (to `address`, else
 * the email the customer left), and the customer's emailed answers land in it. No user: the customer
 * asked for it by leaving their email.
 */
export async function continueByEmail(
  deps: ChannelDeps,
  settings: EmailChannelSettings | null,
  conversationId: string,
  address: string | undefined,
  user: User | null,
): Promise<ChannelLink> {
  if (!settings)
    throw new DomainError("conflict", "the email channel is not configured (EMAIL_REPLY_DOMAIN)");
  const conversation = await deps.conversations.getConversation(conversationId);
  const to = address ?? conversation.customer.email;
  if (!to) throw new DomainError("bad_request", "the customer left no email address; give one");
  const current = await deps.store.channels.getLink(conversationId);
  if (current && current.kind !== "email")
    throw new DomainError("conflict", `this conversation is on another channel (${current.kind})`);
  if (current?.address === to) return current;
  const link = await deps.store.channels.link({
    conversationId,
    kind: "email",
    channelId: null,
    externalKey: null,
    address: to,
    subject: current?.subject ?? null,
    threadRefs: current?.threadRefs ?? [],
    createdAt: deps.clock.now().toISOString(),
  });
  await auditChannel(
    deps,
    { action: "channel.email_linked", details: { address: to } },
    user,
    conversationId,
  );
  return link;
}
