import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@handoff/contracts";
import { ErasedCitations, type Store } from "@handoff/core";
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
async function checkpointOn(ctx: StoreContext, threadId: string, values: Record<string, unknown> = {}) {
  const checkpoint = sampleCheckpoint({ question: "refund?", ...values });
  await ctx.checkpointer.put(
    { configurable: { thread_id: threadId, checkpoint_ns: "" } },
    checkpoint,
    { source: "loop", step: 1, parents: {} },
    checkpoint.channel_versions,
  );
}

/** An approved correction drawn from a conversation that is then erased; the rest cite it. */
async function erasedCorrection(store: Store) {
  const ada = await store.conversations.create({ id: uniqueId("conv"), customer: { name: "Ada" } });
  const drawn = correction({
    conversationId: ada.id,
    question: "Ada asks: can I cancel my plan today?",
    answer: "Done, Ada: your plan ends today.",
    status: "approved",
  });
  await store.corrections.create(drawn);
  await store.customerData.erase([ada.id], redactAll);
  const ref = { id: drawn.id, kind: "correction" as const, title: drawn.question, score: 1 };
  return { drawn, ref, citations: new ErasedCitations([drawn]) };
}

const articleRef = { id: "cancel-plan", kind: "article" as const, title: "Cancelling a plan", score: 0.6 };

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

    it("finds and removes an erased correction's citations in another conversation's reviews, messages, corrections and checkpoints", async () => {
      const { drawn, ref, citations } = await erasedCorrection(ctx.store);
      const grace = await ctx.store.conversations.create({
        id: uniqueId("conv"),
        customer: { name: "Grace" },
      });
      const fromCorrection = { id: "r0d1", text: drawn.answer, sources: [ref] };
      const fromArticle = { id: "r0d2", text: "Cancel under Account > Plans.", sources: [articleRef] };
      const base = approvalReview({ conversationId: grace.id, threadId: `${grace.id}:1` });
      const review = {
        ...base,
        packet: {
          ...base.packet,
          draft: fromCorrection,
          alternatives: [fromArticle],
          sources: [ref, articleRef],
          reasoning: `A correction for "${drawn.question}" matches.`,
        },
      };
      await ctx.store.reviews.create(review);
      const { message: sent } = await ctx.store.messages.append(
        customerMessage(grace.id, { author: "bot", text: drawn.answer, sources: [ref, articleRef] }),
      );
      const derived = correction({
        conversationId: grace.id,
        tags: [drawn.id, "plans"],
        draft: drawn.answer,
      });
      await ctx.store.corrections.create(derived);
      const state = sampleCheckpoint({
        drafts: [fromCorrection, fromArticle],
        retrieval: { hits: [{ ...ref, text: drawn.answer, question: drawn.question }] },
      });
      const saved = await ctx.checkpointer.put(
        { configurable: { thread_id: `${grace.id}:1`, checkpoint_ns: "" } },
        state,
        { source: "loop", step: 1, parents: {} },
        state.channel_versions,
      );
      await ctx.checkpointer.putWrites(saved, [["__interrupt__", { value: review.packet }]], "task-1");
      // A conversation that never cited it is neither found nor touched.
      const other = await customerWithHistory(ctx.store, { email: "grace@example.com" });
      await checkpointOn(ctx, `${other.conversation.id}:1`);

      expect(await ctx.store.customerData.findCiting(citations)).toEqual([grace.id]);
      const scrubbed = await ctx.store.customerData.scrubCitations(grace.id, citations);
      expect(scrubbed.reviewIds).toEqual([review.id]);
      expect(scrubbed.records).toBe(5);

      const after = await ctx.store.reviews.get(review.id);
      expect(after?.kind === "approval" && after.packet.draft).toEqual(fromArticle);
      expect(after?.packet.sources).toEqual([articleRef]);
      const [message] = await ctx.store.messages.listSince(grace.id, 0);
      expect(message).toEqual({ ...sent, sources: [articleRef] });
      expect(await ctx.store.corrections.get(derived.id)).toEqual({
        ...derived,
        tags: ["plans"],
        draft: null,
      });
      const tuple = await ctx.checkpointer.getTuple({ configurable: { thread_id: `${grace.id}:1` } });
      expect(tuple?.checkpoint.channel_values.drafts).toEqual([fromArticle]);
      // What was sent stays in the transcript; where it came from does not.
      const everything = JSON.stringify({ after, sources: message?.sources, tuple });
      expect(everything).not.toContain(drawn.id);
      expect(everything).not.toContain("Ada");
      expect(await ctx.store.reviews.get(other.review.id)).toEqual(other.review);

      // Done once, there is nothing left to find.
      expect(await ctx.store.customerData.findCiting(citations)).toEqual([]);
      expect(await ctx.store.customerData.scrubCitations(grace.id, citations)).toEqual({
        reviewIds: [],
        records: 0,
      });
      await ctx.store.customerData.purgeFreedBytes();
    });

    it("does not look at records older than the erased corrections", async () => {
      const { drawn, ref } = await erasedCorrection(ctx.store);
      const grace = await ctx.store.conversations.create({
        id: uniqueId("conv"),
        customer: { name: "Grace" },
      });
      await ctx.store.messages.append(customerMessage(grace.id, { author: "bot", sources: [ref] }));
      await ctx.store.corrections.create(correction({ conversationId: grace.id, tags: [drawn.id] }));
      await ctx.store.reviews.create(
        approvalReview({ conversationId: grace.id, packet: { ...approvalReview().packet, sources: [ref] } }),
      );
      await checkpointOn(ctx, `${grace.id}:1`, { hits: [ref] });
      const later = new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString();
      const future = new ErasedCitations([{ ...drawn, createdAt: later }]);
      expect(await ctx.store.customerData.findCiting(future)).toEqual([]);
      expect(await ctx.store.customerData.findCiting(new ErasedCitations([drawn]))).toEqual([grace.id]);
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
