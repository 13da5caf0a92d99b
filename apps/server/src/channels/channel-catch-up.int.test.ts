import { afterEach, describe, expect, it } from "vitest";
import type { NewMessage } from "@handoff/core";
import { connectCustomer, storeVariants, type TestServer } from "../testing";
import { startSmtpServer } from "../testing/smtp-server";
import { useTestServers } from "../testing/test-servers";
import { until } from "./channels-test-kit";

const servers = useTestServers();
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const reply = (conversationId: string, text: string, internal = false): NewMessage => ({
  conversationId,
  clientId: text,
  author: "agent",
  authorName: "Alex",
  text,
  sources: [],
  internal,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storeVariants("channel_catch_up"))("channel replies left behind on $name", ({ reopenable }) => {
  it("a reply stored but never queued (the process died in between) is emailed once after a restart", async () => {
    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const env = {
      SMTP_URL: smtp.url,
      EMAIL_FROM: "Support <support@example.test>",
      EMAIL_REPLY_DOMAIN: "reply.example.test",
      EMAIL_REPLY_SECRET: "a-long-enough-reply-secret",
      CHANNEL_TICK_MS: "100",
    };
    const open = reopenable();
    const first = await servers.start({ env, overrides: await open() });
    const { conversationId } = await connectCustomer(first);
    const store = first.platform.store;
    // Written to the store only, as a process that dies before queueing leaves it: nothing is published.
    await store.messages.append(reply(conversationId, "Said in the widget, before email."));
    await pause(5);
    await store.channels.link({
      conversationId,
      kind: "email",
      channelId: null,
      externalKey: null,
      address: "ada@example.com",
      subject: null,
      threadRefs: [],
      createdAt: new Date().toISOString(),
    });
    await pause(5);
    await store.messages.append(reply(conversationId, "Your parcel left today."));
    await store.messages.append(reply(conversationId, "VIP customer", true));
    await pause(500);
    expect(smtp.received).toHaveLength(0);

    const restart = async (server: TestServer) => servers.restart(server, { env, overrides: await open() });
    const second = await restart(first);
    const mail = await until("the reply left behind, by email", () => smtp.received[0]);
    expect(mail.to).toContain("ada@example.com");
    expect(mail.raw).toContain("Your parcel left today.");
    // Once: a second start (or a second instance) finds it queued already.
    await restart(second);
    await pause(800);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received.some((m) => m.raw.includes("before email") || m.raw.includes("VIP"))).toBe(false);
  });
});
