import type { ChannelDelivery, ChannelLink } from "@handoff/contracts";
import type { ChannelDeps } from "./channel-deps";

/** The conversation's channel (null: the widget) and its latest outbound deliveries. */
export async function conversationChannel(
  deps: ChannelDeps,
  conversationId: string,
): Promise<{ link: ChannelLink | null; deliveries: ChannelDelivery[] }> {
  await deps.conversations.getConversation(conversationId);
  const link = await deps.store.channels.getLink(conversationId);
  const deliveries = await deps.store.channels.listDeliveries({ conversationId }, 50);
  return { link, deliveries };
}
