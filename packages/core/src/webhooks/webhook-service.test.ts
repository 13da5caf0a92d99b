import { randomUUID } from "node:crypto";
import type { DomainEvent, User } from "@handoff/contracts";
import { openSqliteStore } from "@handoff/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../ports";
import { WebhookService } from "./webhook-service";

const clock = { now: () => new Date() };
const supervisor: User = {
  id: "sup-1",
  email: "sup@example.com",
  name: "Sam",
  role: "supervisor",
  createdAt: new Date().toISOString(),
};
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function service(): Promise<{ store: Store; webhooks: WebhookService }> {
  const { store } = await openSqliteStore({ file: ":memory:" });
  stores.push(store);
  return { store, webhooks: new WebhookService({ store, clock }) };
}

function rated(): DomainEvent {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    type: "message.rated",
    data: { conversationId: "conv-1", messageId: "msg-1", rating: "up" },
  };
}

async function deliveriesOf(store: Store, endpointId: string): Promise<number> {
  return (await store.webhooks.listDeliveries(endpointId, 100)).length;
}

describe("publishing events to webhooks", () => {
  it("an endpoint registered here gets the very next event", async () => {
    const { store, webhooks } = await service();
    expect(await webhooks.publish(rated())).toBe(0);
    const { endpoint } = await webhooks.create(
      { url: "https://hooks.example.com/a", description: "", events: ["message.rated"] },
      supervisor,
    );
    expect(await webhooks.publish(rated())).toBe(1);
    expect(await deliveriesOf(store, endpoint.id)).toBe(1);
  });

  it("an endpoint turned off here gets nothing published after", async () => {
    const { store, webhooks } = await service();
    const { endpoint } = await webhooks.create(
      { url: "https://hooks.example.com/a", description: "", events: ["message.rated"] },
      supervisor,
    );
    await webhooks.publish(rated());
    await webhooks.update(endpoint.id, { enabled: false }, supervisor);
    expect(await webhooks.publish(rated())).toBe(0);
    expect(await deliveriesOf(store, endpoint.id)).toBe(1);
  });

  it("a burst of events reads the endpoints once, not once per event", async () => {
    const { store, webhooks } = await service();
    await webhooks.create(
      { url: "https://hooks.example.com/a", description: "", events: ["message.rated"] },
      supervisor,
    );
    const reads = vi.spyOn(store.webhooks, "listEndpoints");
    for (let i = 0; i < 5; i++) await webhooks.publish(rated());
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
