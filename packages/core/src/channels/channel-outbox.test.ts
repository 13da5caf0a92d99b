import type { ChannelDelivery, ChannelLink } from "@handoff/contracts";
import { describe, expect, it } from "vitest";
import {
  ASK,
  askedConversation,
  replies,
  SERVICE_TEST_TIMEOUT,
  useServiceHarness,
  type ServiceHarness,
} from "../conversation/testing/service-harness";
import { redactAuditDetails } from "../privacy/redact-audit";
import type { ChannelAdapter } from "./channel-adapter";
import { ChannelOutbox } from "./channel-outbox";

const harness = useServiceHarness();

/** An email adapter that keeps what it was asked to send. */
function keepingAdapter(sent: ChannelDelivery[]): ChannelAdapter {
  return {
    kind: "email",
    carries: (message) => !message.internal && message.author !== "customer",
    target: (link) => link.address,
    async send(delivery) {
      sent.push(delivery);
      return null;
    },
  };
}

/** A conversation the bot answered, put on email afterwards; its reply and the outbox. */
async function answeredOnEmail(h: ServiceHarness, sent: ChannelDelivery[]) {
  const conversation = await askedConversation(h, ASK.auto);
  const link: ChannelLink = {
    conversationId: conversation.id,
    kind: "email",
    channelId: "email",
    externalKey: `email:<${conversation.id}@example.com>`,
    address: "customer@example.com",
    subject: "PayPal",
    threadRefs: [],
    createdAt: h.clock.now().toISOString(),
  };
  await h.store.channels.link(link);
  const [reply] = await replies(h, conversation.id);
  if (!reply) throw new Error("the bot did not answer");
  const outbox = new ChannelOutbox({ store: h.store, clock: h.clock, conversations: h.service }, [
    keepingAdapter(sent),
  ]);
  return { conversation, reply, outbox };
}

const deliveriesOf = (h: ServiceHarness, conversationId: string) =>
  h.store.channels.listDeliveries({ conversationId }, 10);

describe("channel outbox", () => {
  it("queues a reply once and sends it to the customer's address", SERVICE_TEST_TIMEOUT, async () => {
    const h = harness();
    const sent: ChannelDelivery[] = [];
    const { conversation, reply, outbox } = await answeredOnEmail(h, sent);
    expect(await outbox.onMessage(reply)).toBe(1);
    expect(await outbox.onMessage(reply)).toBe(0);
    expect(await outbox.deliverDue()).toBe(1);
    expect(sent.map((d) => [d.messageId, d.target])).toEqual([[reply.id, "customer@example.com"]]);
    expect((await deliveriesOf(h, conversation.id)).map((d) => d.status)).toEqual(["delivered"]);
  });

  it(
    "a reply queued after its conversation was erased leaves no copy of it behind",
    SERVICE_TEST_TIMEOUT,
    async () => {
      const h = harness();
      const sent: ChannelDelivery[] = [];
      const { conversation, reply, outbox } = await answeredOnEmail(h, sent);
      // The erasure deleted the conversation while the reply was on its way to the outbox, before the
      // erasure's own forget reached the channel rows: the link is still there when the outbox reads it.
      await h.store.customerData.erase([conversation.id], redactAuditDetails);
      expect(await outbox.onMessage(reply)).toBe(0);
      expect(await deliveriesOf(h, conversation.id)).toEqual([]);
      expect(await h.store.channels.getLink(conversation.id)).toBeNull();
      expect(await outbox.deliverDue()).toBe(0);
      expect(sent).toEqual([]);
    },
  );
});
