import { describe, expect, it } from "vitest";
import type { WebhookDelivery, WebhookEndpoint } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { isoFromNow, uniqueId } from "./fixtures";

function endpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: uniqueId("hook"),
    url: "http://127.0.0.1:9/hook",
    description: "CRM",
    events: ["message.created"],
    enabled: true,
    createdAt: isoFromNow(0),
    ...overrides,
  };
}

function delivery(endpointId: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: uniqueId("delivery"),
    endpointId,
    eventId: uniqueId("event"),
    eventType: "message.created",
    body: '{"type":"message.created"}',
    status: "pending",
    attempts: 0,
    nextAttemptAt: isoFromNow(0),
    lastStatus: null,
    lastError: null,
    createdAt: isoFromNow(0),
    deliveredAt: null,
    ...overrides,
  };
}

/** WebhookRepo: endpoints with their secret, deliveries found when due and kept with their outcome. */
export function describeWebhooks(ctx: StoreContext): void {
  describe("webhooks", () => {
    it("keeps an endpoint's secret apart from the endpoint and changes only what is patched", async () => {
      const created = await ctx.store.webhooks.createEndpoint(endpoint(), "whsec_1");
      expect(await ctx.store.webhooks.getEndpoint(created.id)).toEqual({
        endpoint: created,
        secret: "whsec_1",
      });
      expect(await ctx.store.webhooks.listEndpoints()).toEqual([created]);
      const off = await ctx.store.webhooks.updateEndpoint(created.id, { enabled: false });
      expect(off).toEqual({ ...created, enabled: false });
      expect(await ctx.store.webhooks.updateEndpoint("hook-missing", { enabled: true })).toBeNull();
      expect(await ctx.store.webhooks.getEndpoint("hook-missing")).toBeNull();
    });

    it("lists pending deliveries once due, earliest first, and records each attempt", async () => {
      const { id } = await ctx.store.webhooks.createEndpoint(endpoint(), "s");
      const now = delivery(id, { nextAttemptAt: isoFromNow(-1000) });
      const later = delivery(id, { nextAttemptAt: isoFromNow(60_000) });
      const done = delivery(id, { status: "delivered", nextAttemptAt: isoFromNow(-5000) });
      await ctx.store.webhooks.addDeliveries([later, now, done]);
      expect((await ctx.store.webhooks.listDue(isoFromNow(0), 10)).map((d) => d.id)).toEqual([now.id]);
      expect((await ctx.store.webhooks.listDue(isoFromNow(120_000), 10)).map((d) => d.id)).toEqual([
        now.id,
        later.id,
      ]);
      const retryAt = isoFromNow(30_000);
      await ctx.store.webhooks.recordAttempt(now.id, {
        status: "pending",
        attempts: 1,
        nextAttemptAt: retryAt,
        lastStatus: 503,
        lastError: "HTTP 503",
        deliveredAt: null,
      });
      expect(await ctx.store.webhooks.listDue(isoFromNow(0), 10)).toEqual([]);
      const listed = await ctx.store.webhooks.listDeliveries(id, 10);
      expect(listed).toHaveLength(3);
      expect(listed.find((d) => d.id === now.id)).toEqual({
        ...now,
        attempts: 1,
        nextAttemptAt: retryAt,
        lastStatus: 503,
        lastError: "HTTP 503",
      });
    });
  });
}
