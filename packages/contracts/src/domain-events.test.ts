import { describe, expect, it } from "vitest";
import { DomainEvent, DomainEventType, PlatformEvent, isWebhookEvent, reviewIn } from "./domain-events";

const kinds = PlatformEvent.options.map((o) => o.shape.type.value);

describe("the event spine", () => {
  it("offers webhooks only kinds the platform publishes, each once", () => {
    for (const type of DomainEventType.options) expect(kinds).toContain(type);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(DomainEvent.options.map((o) => o.shape.type.value)).toEqual(DomainEventType.options);
  });

  it("makes a webhook event of a published one by adding an id and a time, nothing else", () => {
    const published = PlatformEvent.parse({
      type: "message.rated",
      data: { conversationId: "c1", messageId: "m1", rating: "down" },
    });
    expect(isWebhookEvent(published)).toBe(true);
    const delivered = DomainEvent.parse({ ...published, id: "e1", at: "2026-12-05T12:00:00.000Z" });
    expect(delivered.data).toEqual(published.data);
  });

  it("keeps live-only kinds (typing, notices, erasures) away from webhooks and refuses unknown kinds", () => {
    const typing = PlatformEvent.parse({
      type: "typing",
      data: { conversationId: "c1", author: "agent", name: "Ada", typing: true },
    });
    expect(isWebhookEvent(typing)).toBe(false);
    expect(reviewIn(typing)).toBeNull();
    expect(PlatformEvent.safeParse({ type: "conversation.erased", data: {} }).success).toBe(false);
    expect(PlatformEvent.safeParse({ type: "review.deleted", data: {} }).success).toBe(false);
  });
});
