import type { ChannelDelivery, ChannelLink, Message } from "@handoff/contracts";

/** Why one delivery attempt failed; `final` gives up at once instead of retrying. */
export interface DeliveryError {
  message: string;
  final: boolean;
}

/**
 * One way replies reach customers (email, an API channel...). The outbox stores, claims and retries
 * deliveries for every channel alike; the adapter only says what it carries and sends one delivery.
 */
export interface ChannelAdapter {
  readonly kind: ChannelLink["kind"];
  /** Whether this reply (never a note or the customer's own) goes out on the channel. */
  carries(message: Message): boolean;
  /** Where the conversation's replies go (an address, a channel id), or null when the link has none. */
  target(link: ChannelLink): string | null;
  /**
   * Sends one delivery; null when the other side accepted it. `language` is the customer's (English when
   * unknown): notices and the channel's own words are rendered in it.
   */
  send(delivery: ChannelDelivery, link: ChannelLink, language: string): Promise<DeliveryError | null>;
}

/** A thrown error as a retryable delivery error. */
export const retryable = (err: unknown, fallback: string): DeliveryError => ({
  message: err instanceof Error ? err.message : fallback,
  final: false,
});
