import { ChannelOutbox, CustomerLanguageTracker, systemClock, type ChannelDeps } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { serialTicker } from "../app/serial-ticker";
import { REGISTERED_CHANNELS } from "./registered-channels";
import type { ServerChannel } from "./server-channel";

/** The platform's channels: each one's routes, and the outbox's delivery loop they share. */
export interface ChannelRuntime {
  deps: ChannelDeps;
  channels: readonly ServerChannel[];
  outbox: ChannelOutbox;
  /** Sends what is due now; ticks never overlap. */
  tick(): Promise<void>;
  stop(): void;
}

/** How far back the start-up catch-up looks for replies never queued. */
const CATCH_UP_MS = 24 * 3_600_000;

const runtimes = new WeakMap<Platform, ChannelRuntime>();

/**
 * The one channel runtime of a platform, started on first use. Every reply stored for a conversation
 * on a channel other than the widget is queued for it (never awaited by whoever stored it) and sent by
 * the tick through that channel's adapter.
 */
export function channelsFor(platform: Platform): ChannelRuntime {
  const existing = runtimes.get(platform);
  if (existing) return existing;
  const { config, logger, store } = platform;
  const deps: ChannelDeps = {
    store,
    clock: systemClock,
    conversations: platform.conversations,
    retry: { baseMs: config.CHANNEL_RETRY_BASE_MS, maxAttempts: config.CHANNEL_MAX_ATTEMPTS },
  };
  const channels = REGISTERED_CHANNELS.map((create) => create({ platform, deps }));
  const outbox = new ChannelOutbox(
    deps,
    channels.flatMap((channel) => (channel.adapter ? [channel.adapter] : [])),
  );
  const tick = serialTicker(
    () => outbox.deliverDue(),
    (err) => logger.error({ err }, "channel delivery failed"),
  );
  // The customer's language as the graph reads it, which email and API replies render notices in.
  const languages = new CustomerLanguageTracker(store, (err, conversationId) =>
    logger.error({ err, conversationId }, "could not record a conversation's language"),
  );
  let stopped = false;
  const detachMessages = platform.notifier.attach((event) => {
    languages.observe(event);
    if (event.type === "message.created") {
      const message = event.data.message;
      if (stopped) return;
      // The handoff notice follows the opened handoff whose language is still being written.
      void languages
        .settled(message.conversationId)
        .then(() => outbox.onMessage(message))
        .then((count) => (count > 0 ? tick() : undefined))
        .catch((err: unknown) =>
          logger.error({ err, messageId: message.id }, "could not queue a channel reply"),
        );
    }
    // A privacy erasure removed the conversation: its address, thread and queued replies go too.
    if (event.type === "conversation.erased") {
      const { conversationId } = event.data;
      void store.channels
        .forget([conversationId])
        .catch((err: unknown) =>
          logger.error({ err, conversationId }, "could not forget a conversation's channel"),
        );
    }
  });
  // Replies stored by a process that died before queueing them (the last day's) go out now.
  const since = new Date(deps.clock.now().getTime() - CATCH_UP_MS).toISOString();
  void outbox
    .catchUp(since)
    .then((count) => (count > 0 ? tick() : undefined))
    .catch((err: unknown) => logger.error({ err }, "could not queue the channel replies left behind"));
  const timer = setInterval(() => void tick(), config.CHANNEL_TICK_MS);
  timer.unref();
  const runtime: ChannelRuntime = {
    deps,
    channels,
    outbox,
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
      detachMessages();
      for (const channel of channels) channel.stop();
    },
  };
  runtimes.set(platform, runtime);
  return runtime;
}
