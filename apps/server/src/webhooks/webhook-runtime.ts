import { WebhookService, systemClock, type WebhookSender } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { serialTicker } from "../app/serial-ticker";
import { bridgeDomainEvents } from "./domain-event-bridge";
import { httpSender } from "./http-sender";

/** The platform's webhooks: the service the REST routes use, and the delivery loop. */
export interface WebhookRuntime {
  service: WebhookService;
  /** Sends what is due now; ticks never overlap. */
  tick(): Promise<void>;
  stop(): void;
}

const runtimes = new WeakMap<Platform, WebhookRuntime>();

/**
 * The one webhook runtime of a platform, started on first use: events from the bridge are stored as
 * deliveries (never awaited by whoever raised them) and a timer sends what is due, so deliveries left
 * pending by a stop are sent after the next start.
 */
export function webhooksFor(platform: Platform, send: WebhookSender = httpSender()): WebhookRuntime {
  const existing = runtimes.get(platform);
  if (existing) return existing;
  const { config, logger } = platform;
  const service = new WebhookService({
    store: platform.store,
    clock: systemClock,
    retry: { baseMs: config.WEBHOOK_RETRY_BASE_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS },
  });
  // An event raised during a tick is sent by one more right after it.
  const tick = serialTicker(
    () => service.deliverDue(send),
    (err) => logger.error({ err }, "webhook delivery failed"),
  );
  let stopped = false;
  const detach = bridgeDomainEvents(
    { notifier: platform.notifier, now: () => systemClock.now() },
    (event) => {
      if (stopped) return;
      void service
        .publish(event)
        .then((count) => (count > 0 ? tick() : undefined))
        .catch((err: unknown) => logger.error({ err, type: event.type }, "could not queue a webhook event"));
    },
  );
  const timer = setInterval(() => void tick(), config.WEBHOOK_TICK_MS);
  timer.unref();
  const runtime: WebhookRuntime = {
    service,
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
      detach();
    },
  };
  runtimes.set(platform, runtime);
  return runtime;
}
