import type { AuditRecord, User } from "@handoff/contracts";
import type { ChannelDeps } from "./channel-deps";

/** What a channel audits: a change to an API channel, or a conversation put on email. */
type ChannelRecord = Extract<
  AuditRecord,
  { action: "channel.created" | "channel.updated" | "channel.email_linked" }
>;

/** Audits a change to a channel or a conversation's channel (no user: the customer did it). */
export async function auditChannel(
  deps: ChannelDeps,
  record: ChannelRecord,
  user: User | null,
  conversationId: string | null,
): Promise<void> {
  await deps.store.audit.append({
    ...record,
    actor: user ? { type: "user", id: user.id, name: user.name } : { type: "customer", id: null, name: null },
    conversationId,
  });
}
