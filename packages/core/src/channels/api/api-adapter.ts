import {
  ChannelReply,
  messageText,
  WEBHOOK_HEADERS,
  type ChannelDelivery,
  type ChannelLink,
} from "@handoff/contracts";
import { signWebhook, type WebhookSender } from "../../webhooks";
import type { ChannelAdapter, DeliveryError } from "../channel-adapter";
import type { ChannelDeps } from "../channel-deps";

/**
 * Replies on an API channel: each one POSTed to the channel's webhook as a `channel.reply`, signed with
 * the channel's secret like webhook deliveries. System notices go too, with their kind and details and
 * rendered as their text in the customer's language (`language` says which): the platform shows them
 * as it likes.
 */
export class ApiChannelAdapter implements ChannelAdapter {
  readonly kind = "api";

  constructor(
    private readonly deps: ChannelDeps,
    private readonly post: WebhookSender,
  ) {}

  carries(): boolean {
    return true;
  }

  target(link: ChannelLink): string | null {
    return link.channelId;
  }

  async send(delivery: ChannelDelivery, link: ChannelLink, language: string): Promise<DeliveryError | null> {
    const found = link.channelId ? await this.deps.store.channels.getChannel(link.channelId) : null;
    if (!found) return { message: "the channel was removed", final: true };
    if (!found.channel.enabled) return { message: "the channel is disabled", final: true };
    const body = JSON.stringify(
      ChannelReply.parse({
        type: "channel.reply",
        channelId: found.channel.id,
        conversationKey: link.externalKey ?? "",
        conversationId: link.conversationId,
        language,
        message: { ...delivery.message, text: messageText(delivery.message, language) },
      }),
    );
    const seconds = Math.floor(this.deps.clock.now().getTime() / 1000);
    const result = await this.post({
      url: found.channel.webhookUrl,
      body,
      headers: {
        "content-type": "application/json",
        "user-agent": "handoff-channels/1",
        [WEBHOOK_HEADERS.signature]: signWebhook(found.secret, body, seconds),
        [WEBHOOK_HEADERS.event]: "channel.reply",
        [WEBHOOK_HEADERS.delivery]: delivery.message.id,
      },
    });
    if ("status" in result)
      return result.status >= 200 && result.status < 300
        ? null
        : { message: `HTTP ${result.status}`, final: false };
    return { message: result.error, final: false };
  }
}
