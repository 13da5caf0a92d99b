import type { User } from "@handoff/contracts";
import type { ChannelDeps } from "./channel-deps";

type ChannelAction = "channel.created" | "channel.updated" | "channel.email_linked";

/** Audits a change to a channel or a conversation's channel (no user: the customer did it). */
export async function auditChannel(
  deps: ChannelDeps,
  action: ChannelAction,
  user: User | null,
  conversationId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.store.audit.append({
    actor: user ? { type: "user", id: user.id, name: user.name } : { type: "customer", id: null, name: null },
    action,
    conversationId,
    details,
  });
}
