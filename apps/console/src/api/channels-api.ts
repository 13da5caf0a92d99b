import { z } from "zod";
import {
  ApiChannel,
  ApiChannelCreated,
  ApiChannelList,
  ChannelDeliveryList,
  ChannelLink,
  ConversationChannel,
  type ApiChannelCreate,
  type ApiChannelUpdate,
} from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/channels */
export const listChannels = (client: RestClient) =>
  client.get(ApiChannelList, "/api/channels").then((r) => r.channels);

/** Creates an API channel; its signing secret is in this answer only. */
export const createChannel = (client: RestClient, input: ApiChannelCreate) =>
  client.post(ApiChannelCreated, "/api/channels", input);

/** Turns a channel off or on, renames it or moves its webhook. */
export const updateChannel = (client: RestClient, id: string, patch: ApiChannelUpdate) =>
  client
    .patch(z.object({ channel: ApiChannel }), `/api/channels/${encodeURIComponent(id)}`, patch)
    .then((r) => r.channel);

/** A channel's latest replies to its customers, newest first. */
export const listChannelDeliveries = (client: RestClient, id: string) =>
  client
    .get(ChannelDeliveryList, `/api/channels/${encodeURIComponent(id)}/deliveries`)
    .then((r) => r.deliveries);

/** GET /api/conversations/:id/channel: where the conversation's replies go. */
export const conversationChannel = (client: RestClient, conversationId: string) =>
  client.get(ConversationChannel, `/api/conversations/${encodeURIComponent(conversationId)}/channel`);

/** Continue a conversation by email (to the customer's address unless one is given). */
export const continueByEmail = (client: RestClient, conversationId: string, address?: string) =>
  client
    .post(
      z.object({ link: ChannelLink }),
      `/api/conversations/${encodeURIComponent(conversationId)}/email`,
      address ? { address } : {},
    )
    .then((r) => r.link);
