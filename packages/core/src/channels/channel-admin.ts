import { randomBytes, randomUUID } from "node:crypto";
import type {
  ApiChannel,
  ApiChannelCreate,
  ApiChannelUpdate,
  ChannelDelivery,
  ChannelLink,
  User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { ChannelDeps } from "./channel-deps";

/** API channels as supervisors manage them (audited), and putting a conversation on email. */
export class ChannelAdmin {
  constructor(private readonly deps: ChannelDeps) {}

  list(): Promise<ApiChannel[]> {
    return this.deps.store.channels.listChannels();
  }

  async create(input: ApiChannelCreate, user: User): Promise<{ channel: ApiChannel; secret: string }> {
    const secret = `chsec_${randomBytes(24).toString("base64url")}`;
    const channel = await this.deps.store.channels.createChannel(
      { id: randomUUID(), ...input, enabled: true, createdAt: this.deps.clock.now().toISOString() },
      secret,
    );
    await this.audit("channel.created", user, null, { channelId: channel.id, name: channel.name });
    return { channel, secret };
  }

  async update(id: string, patch: ApiChannelUpdate, user: User): Promise<ApiChannel> {
    const channel = await this.deps.store.channels.updateChannel(id, patch);
    if (!channel) throw new DomainError("not_found", "channel not found");
    await this.audit("channel.updated", user, null, { channelId: id, changed: Object.keys(patch) });
    return channel;
  }

  async deliveries(channelId: string, limit: number): Promise<ChannelDelivery[]> {
    if (!(await this.deps.store.channels.getChannel(channelId)))
      throw new DomainError("not_found", "channel not found");
    return this.deps.store.channels.listDeliveries({ target: channelId }, limit);
  }

  /** The conversation's channel (null: the widget) and its latest outbound deliveries. */
  async conversationChannel(
    conversationId: string,
  ): Promise<{ link: ChannelLink | null; deliveries: ChannelDelivery[] }> {
    await this.deps.conversations.getConversation(conversationId);
    const link = await this.deps.store.channels.getLink(conversationId);
    const deliveries = await this.deps.store.channels.listDeliveries({ conversationId }, 50);
    return { link, deliveries };
  }

  /**
   * From now on the bot's and agents' replies in this conversation are emailed too (to `address`, else
   * the email the customer left), and the customer's emailed answers land in it.
   */
  async continueByEmail(
    conversationId: string,
    address: string | undefined,
    user: User | null,
  ): Promise<ChannelLink> {
    if (!this.deps.email)
      throw new DomainError("conflict", "the email channel is not configured (EMAIL_REPLY_DOMAIN)");
    const conversation = await this.deps.conversations.getConversation(conversationId);
    const to = address ?? conversation.customer.email;
    if (!to) throw new DomainError("bad_request", "the customer left no email address; give one");
    const current = await this.deps.store.channels.getLink(conversationId);
    if (current?.kind === "api") throw new DomainError("conflict", "this conversation is on an API channel");
    if (current?.kind === "email" && current.address === to) return current;
    const link = await this.deps.store.channels.link({
      conversationId,
      kind: "email",
      channelId: null,
      externalKey: null,
      address: to,
      subject: current?.subject ?? null,
      threadRefs: current?.threadRefs ?? [],
      createdAt: this.deps.clock.now().toISOString(),
    });
    await this.audit("channel.email_linked", user, conversationId, { address: to });
    return link;
  }

  private async audit(
    action: "channel.created" | "channel.updated" | "channel.email_linked",
    user: User | null,
    conversationId: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.store.audit.append({
      actor: user
        ? { type: "user", id: user.id, name: user.name }
        : { type: "customer", id: null, name: null },
      action,
      conversationId,
      details,
    });
  }
}
