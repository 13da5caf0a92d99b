import type { ChannelLink, ChannelMessageCreate } from "@handoff/contracts";
import { DomainError } from "../../errors";
import { accepted, type Accepted } from "../accepted";
import type { ChannelDeps } from "../channel-deps";
import { SingleFlight } from "../single-flight";

/**
 * Messages from an API channel's platform: the platform's thread key finds (or starts) the conversation,
 * and each message becomes a customer message like one typed in the widget, stored once per idempotency key.
 */
export class ApiIntake {
  private readonly starts = new SingleFlight<ChannelLink>();

  constructor(private readonly deps: ChannelDeps) {}

  async receive(channelId: string, input: ChannelMessageCreate): Promise<Accepted> {
    const found = await this.deps.store.channels.getChannel(channelId);
    if (!found) throw new DomainError("not_found", "channel not found");
    if (!found.channel.enabled) throw new DomainError("conflict", "this channel is disabled");
    const link = await this.link(channelId, input);
    const received = await this.deps.conversations.receiveCustomerMessage(link.conversationId, {
      clientId: input.idempotencyKey,
      text: input.text,
    });
    return accepted(link.conversationId, received);
  }

  private link(channelId: string, input: ChannelMessageCreate): Promise<ChannelLink> {
    return this.starts.run(`${channelId}\u0000${input.conversationKey}`, async () => {
      const existing = await this.deps.store.channels.findByExternalKey(channelId, input.conversationKey);
      if (existing) return existing;
      const conversation = await this.deps.conversations.startConversation(input.customer ?? {});
      return this.deps.store.channels.link({
        conversationId: conversation.id,
        kind: "api",
        channelId,
        externalKey: input.conversationKey,
        address: null,
        subject: null,
        threadRefs: [],
        createdAt: this.deps.clock.now().toISOString(),
      });
    });
  }
}
