import { ChannelAdmin, ChannelIntake, ChannelOutbox, systemClock, type ChannelSenders } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { httpSender } from "../webhooks/http-sender";
import { onContactLeft } from "./contact-left-listener";
import { serialTicker } from "../app/serial-ticker";
import { smtpEmailSender } from "./smtp-email-sender";

/** The platform's channels: admin and intake for the routes, and the outbox's delivery loop. */
export interface ChannelRuntime {
  admin: ChannelAdmin;
  intake: ChannelIntake;
  outbox: ChannelOutbox;
  /** Sends what is due now; ticks never overlap. */
  tick(): Promise<void>;
  stop(): void;
}

const runtimes = new WeakMap<Platform, ChannelRuntime>();

/**
 * The one channel runtime of a platform, started on first use. Every reply stored for a conversation
 * on email or an API channel is queued for it (never awaited by whoever stored it) and sent by the
 * tick; a customer who leaves an email gets the team's answers by email from then on.
 */
export function channelsFor(platform: Platform, senders?: ChannelSenders): ChannelRuntime {
  const existing = runtimes.get(platform);
  if (existing) return existing;
  const { config, logger, store } = platform;
  const email =
    config.EMAIL_REPLY_DOMAIN && config.EMAIL_REPLY_SECRET && config.SMTP_URL
      ? { replyDomain: config.EMAIL_REPLY_DOMAIN, replySecret: config.EMAIL_REPLY_SECRET }
      : null;
  const send: ChannelSenders = senders ?? {
    email:
      email && config.SMTP_URL
        ? smtpEmailSender(config.SMTP_URL, config.EMAIL_FROM ?? config.MAIL_FROM)
        : null,
    http: httpSender(),
  };
  const deps = {
    store,
    clock: systemClock,
    conversations: platform.conversations,
    email,
    retry: { baseMs: config.CHANNEL_RETRY_BASE_MS, maxAttempts: config.CHANNEL_MAX_ATTEMPTS },
  };
  const admin = new ChannelAdmin(deps);
  const outbox = new ChannelOutbox(deps);
  const tick = serialTicker(
    () => outbox.deliverDue(send),
    (err) => logger.error({ err }, "channel delivery failed"),
  );
  let stopped = false;
  const detachMessages = platform.notifier.attach({
    messageCreated: (message) => {
      if (stopped) return;
      void outbox
        .onMessage(message)
        .then((count) => (count > 0 ? tick() : undefined))
        .catch((err: unknown) =>
          logger.error({ err, messageId: message.id }, "could not queue a channel reply"),
        );
    },
    // A privacy erasure removed the conversation: its address, thread and queued replies go too.
    conversationErased: (conversationId) => {
      void store.channels
        .forget([conversationId])
        .catch((err: unknown) =>
          logger.error({ err, conversationId }, "could not forget a conversation's channel"),
        );
    },
  });
  const detachContacts = email
    ? onContactLeft(store.audit, (conversationId, address) => {
        if (stopped) return;
        admin
          .continueByEmail(conversationId, address, null)
          .catch((err: unknown) =>
            logger.warn({ err, conversationId }, "could not put a conversation on email"),
          );
      })
    : () => undefined;
  const timer = setInterval(() => void tick(), config.CHANNEL_TICK_MS);
  timer.unref();
  const runtime: ChannelRuntime = {
    admin,
    intake: new ChannelIntake(deps),
    outbox,
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
      detachMessages();
      detachContacts();
    },
  };
  runtimes.set(platform, runtime);
  return runtime;
}
