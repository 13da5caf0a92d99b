import { randomBytes, randomUUID } from "node:crypto";
import type {
  ApiChannel,
  ApiChannelCreate,
  ApiChannelUpdate,
  ChannelDelivery,
  User,
} from "@handoff/contracts";
import { DomainError } from "../../errors";
import { auditChannel } from "../channel-audit";
import type { ChannelDeps } from "../channel-deps";

/** API channels as supervisors manage them (audited); the signing secret is shown once, at creation. */
export class ApiChannelAdmin {
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
    await auditChannel(
      this.deps,
      { action: "channel.created", details: { channelId: channel.id, name: channel.name } },
      user,
      null,
    );
    return { channel, secret };
  }

  async update(id: string, patch: ApiChannelUpdate, user: User): Promise<ApiChannel> {
    const channel = await this.deps.store.channels.updateChannel(id, patch);
    if (!channel) throw new DomainError("not_found", "channel not found");
    await auditChannel(
      this.deps,
      { action: "channel.updated", details: { channelId: id, changed: Object.keys(patch) } },
      user,
      null,
    );
    return channel;
  }

  async deliveries(channelId: string, limit: number): Promise<ChannelDelivery[]> {
    if (!(await this.deps.store.channels.getChannel(channelId)))
      throw new DomainError("not_found", "channel not found");
    return this.deps.store.channels.listDeliveries({ target: channelId }, limit);
  }
}
