import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@handoff/contracts";
import type { Store } from "@handoff/core";
import { sampleCheckpoint } from "./checkpointer";
import type { StoreContext } from "./context";
import { approvalReview, correction, customerMessage, uniqueId } from "./fixtures";

const redactAll = (event: AuditEvent) => ({ redacted: true, action: event.action });

/** A conversation of one customer with a message, a review, a correction and an audit event. */
async function customerWithHistory(store: Store, customer: { email?: string; externalId?: string }) {
  const conversation = await store.conversations.create({ id: uniqueId("conv"), customer });
  await store.messages.append(customerMessage(conversation.id, { text: "My email is ada@example.com" }));
  const review = approvalReview({ conversationId: conversation.id, threadId: `${conversation.id}:1` });
  await store.reviews.create(review);
  const drawn = correction({ conversationId: conversation.id, question: "Where is Ada's order?" });
  await store.corrections.create(drawn);
  await store.audit.append({
    actor: { type: "customer", id: null, name: null },
    action: "contact.left",
    conversationId: conversation.id,
    details: { email: "ada@example.com" },
  });
  return { conversation, review, correction: drawn };
}

/** Puts one checkpoint on a graph thread. */
async function checkpointOn(ctx: StoreContext, threadId: string) {
  const checkpoint = sampleCheckpoint({ question: "refund?" });
  await ctx.checkpointer.put(
    { configurable: { thread_id: threadId, checkpoint_ns: "" } },
    checkpoint,
    { source: "loop", step: 1, parents: {} },
    checkpoint.channel_versions,
  );
}

const hasCheckpoint = async (ctx: StoreContext, threadId: string) =>
  (await ctx.checkpointer.getTuple({ configurable: { thread_id: threadId } })) !== undefined;

/** CustomerDataRepo: what a privacy request finds, and what an erasure removes (and leaves). */
export function describeCustomerData(ctx: StoreContext): void {
  describe("customer data", () => {
    it("finds a customer's conversations by email, ignoring case, or by external id, and nobody else's", async () => {
      const first = await customerWithHistory(ctx.store, { email: "Ada@Example.com" });
      const second = await customerWithHistory(ctx.store, { email: "ada@example.com", externalId: "u-42" });
      await customerWithHistory(ctx.store, { email: "grace@example.com" });
      await customerWithHistory(ctx.store, {});

      const byEmail = await ctx.store.customerData.findConversations({ email: "ADA@example.com" });
      expect(byEmail.map((c) => c.id).sort()).toEqual([first.conversation.id, second.conversation.id].sort());
      const byExternal = await ctx.store.customerData.findConversations({ externalId: "u-42" });
      expect(byExternal.map((c) => c.id)).toEqual([second.conversation.id]);
      expect(await ctx.store.customerData.findConversations({})).toEqual([]);
      // A pattern is taken literally, never as a wildcard.
      expect(await ctx.store.customerData.findConversations({ email: ".*@example.com" })).toEqual([]);
      expect(await ctx.store.customerData.findConversations({ email: "%@example.com" })).toEqual([]);
    });

    it("lists the corrections drawn from the given conversations only", async () => {
      const ada = await customerWithHistory(ctx.store, { email: "ada@example.com" });
      await customerWithHistory(ctx.store, { email: "grace@example.com" });
      await ctx.store.corrections.create(correction({ conversationId: null }));
      expect(await ctx.store.customerData.listCorrections([ada.conversation.id])).toEqual([ada.correction]);
      expect(await ctx.store.customerData.listCorrections([])).toEqual([]);
    });

    it("erases conversations, messages, reviews, corrections and checkpoints, and redacts their audit details", async () => {
      const ada = await customerWithHistory(ctx.store, { email: "ada@example.com" });
      const grace = await customerWithHistory(ctx.store, { email: "grace@example.com" });
      const adaId = ada.conversation.id;
      await checkpointOn(ctx, `${adaId}:1`);
      await checkpointOn(ctx, `${adaId}:1:person:abc`);
      await checkpointOn(ctx, adaId);
      // A thread of another conversation whose id merely starts with the same characters stays.
      await checkpointOn(ctx, `${adaId}x:1`);
      await checkpointOn(ctx, `${grace.conversation.id}:1`);

      const erased = await ctx.store.customerData.erase([adaId], redactAll);
      expect(erased).toEqual({
        conversations: 1,
        messages: 1,
        reviews: 1,
        corrections: 1,
        checkpoints: 3,
        auditRedacted: 1,
      });

      expect(await ctx.store.conversations.get(adaId)).toBeNull();
      expect(await ctx.store.messages.listSince(adaId, 0)).toEqual([]);
      expect(await ctx.store.reviews.get(ada.review.id)).toBeNull();
      expect(await ctx.store.corrections.get(ada.correction.id)).toBeNull();
      expect(await hasCheckpoint(ctx, `${adaId}:1`)).toBe(false);
      expect(await hasCheckpoint(ctx, `${adaId}:1:person:abc`)).toBe(false);
      expect(await hasCheckpoint(ctx, adaId)).toBe(false);
      expect(await hasCheckpoint(ctx, `${adaId}x:1`)).toBe(true);
      const [event] = await ctx.store.audit.list({ conversationId: adaId, limit: 10 });
      expect(event).toMatchObject({ action: "contact.left", details: { redacted: true } });
      expect(JSON.stringify(event)).not.toContain("ada@example.com");

      // The other customer is untouched.
      const graceId = grace.conversation.id;
      expect(await ctx.store.conversations.get(graceId)).not.toBeNull();
      expect(await ctx.store.messages.listSince(graceId, 0)).toHaveLength(1);
      expect(await ctx.store.reviews.get(grace.review.id)).not.toBeNull();
      expect(await ctx.store.corrections.get(grace.correction.id)).toEqual(grace.correction);
      expect(await hasCheckpoint(ctx, `${graceId}:1`)).toBe(true);
      const [graceEvent] = await ctx.store.audit.list({ conversationId: graceId, limit: 10 });
      expect(graceEvent?.details).toEqual({ email: "ada@example.com" });
    });

    it("erasing nothing, or erasing twice, changes nothing more", async () => {
      const ada = await customerWithHistory(ctx.store, { email: "ada@example.com" });
      const none = {
        conversations: 0,
        messages: 0,
        reviews: 0,
        corrections: 0,
        checkpoints: 0,
        auditRedacted: 0,
      };
      expect(await ctx.store.customerData.erase([], redactAll)).toEqual(none);
      await ctx.store.customerData.erase([ada.conversation.id], redactAll);
      expect(await ctx.store.customerData.erase([ada.conversation.id], redactAll)).toEqual({
        ...none,
        auditRedacted: 1,
      });
    });
  });
}
