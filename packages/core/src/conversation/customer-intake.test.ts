import { describe, expect, it, vi } from "vitest";
import {
  ASK,
  askedConversation,
  useServiceHarness,
  pendingApproval,
  replies,
  SERVICE_TEST_TIMEOUT,
} from "./testing/service-harness";

const harness = useServiceHarness();

describe("a customer's message", SERVICE_TEST_TIMEOUT, () => {
  it("the bot can answer is answered once, citing the article, and pushed to the clients", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.auto);
    expect(conversation.status).toBe("bot");
    const sent = await replies(h, conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.author).toBe("bot");
    expect(sent[0]?.text).toContain("PayPal");
    expect(sent[0]?.sources.map((s) => s.id)).toContain("payment-methods");
    expect(h.notifier.pushed.messages.map((m) => m.author)).toEqual(["customer", "bot"]);
  });

  it("sent twice with the same clientId is stored and answered once", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    const first = await h.service.receiveCustomerMessage(conversation.id, { clientId: "c1", text: ASK.auto });
    const again = await h.service.receiveCustomerMessage(conversation.id, { clientId: "c1", text: ASK.auto });
    await Promise.all([first.processed, again.processed]);
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(first.message.id);
    const customer = (await h.messages(conversation.id)).filter((m) => m.author === "customer");
    expect(customer).toHaveLength(1);
    expect(await replies(h, conversation.id)).toHaveLength(1);
  });

  it("that needs approval holds the draft: nothing reaches the customer until someone decides", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    expect(conversation.status).toBe("awaiting_approval");
    const review = await pendingApproval(h, conversation.id);
    expect(review.packet.draft.text.length).toBeGreaterThan(0);
    expect(review.packet.riskFlags.map((f) => f.category)).toContain("money_movement");
    expect(await replies(h, conversation.id)).toEqual([]);
    expect(h.notifier.pushed.reviewsOpened.map((r) => r.id)).toEqual([review.id]);
  });

  it("asking for a person opens a handoff and tells the customer", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    expect(conversation.status).toBe("waiting_human");
    const reviews = await h.store.reviews.listByConversation(conversation.id);
    expect(reviews.map((r) => [r.kind, r.status])).toEqual([["handoff", "pending"]]);
    const notices = (await h.messages(conversation.id)).filter((m) => m.author === "system");
    expect(notices).toHaveLength(1);
  });

  it("stored by this process is run without looking for an earlier run of it (it can have none)", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    const checkpointReads = vi.spyOn(h.deps.checkpointer, "getTuple");
    const laterMessages = vi.spyOn(h.store.messages, "listSince");
    const { processed } = await h.service.receiveCustomerMessage(conversation.id, {
      clientId: "fresh-1",
      text: ASK.auto,
    });
    await processed;
    expect(checkpointReads).not.toHaveBeenCalled();
    expect(laterMessages).not.toHaveBeenCalled();
    expect(await replies(h, conversation.id)).toHaveLength(1);
  });

  it("left waiting by an earlier process is checked for a run before it is run again", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    // Stored as the widget's handler stores it, then the process "dies" before its turn.
    await h.store.messages.append({
      conversationId: conversation.id,
      clientId: "left-1",
      author: "customer",
      authorName: null,
      text: ASK.auto,
      sources: [],
      internal: false,
    });
    const service = h.restart();
    const checkpointReads = vi.spyOn(h.deps.checkpointer, "getTuple");
    await service.recover();
    expect(checkpointReads).toHaveBeenCalled();
    expect(await replies(h, conversation.id)).toHaveLength(1);
  });

  it("for an unknown conversation is refused with not_found", async () => {
    const h = harness();
    await expect(
      h.service.receiveCustomerMessage("nope", { clientId: "c", text: "hi" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("the customer asking for a person", SERVICE_TEST_TIMEOUT, () => {
  it("while a draft waits for approval rejects the draft, which is never sent, and hands over", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const after = await h.service.requestHuman(conversation.id, undefined);
    expect(after.status).toBe("waiting_human");
    const decided = await h.store.reviews.get(review.id);
    expect(decided?.decision).toMatchObject({ type: "reject" });
    const sent = await replies(h, conversation.id);
    expect(sent.map((m) => m.text)).not.toContain(review.packet.draft.text);
    expect(sent).toEqual([]);
  });

  it("in a resolved conversation reopens it and opens a handoff", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const agent = await h.person();
    const handoff = (await h.store.reviews.listByConversation(conversation.id))[0];
    await h.service.claimHandoff(handoff?.id ?? "", agent);
    await h.service.releaseHandoff(conversation.id, "resolved", agent);
    expect((await h.service.getConversation(conversation.id)).status).toBe("resolved");
    const after = await h.service.requestHuman(conversation.id, "still broken");
    expect(after.status).toBe("waiting_human");
    const open = (await h.store.reviews.listByConversation(conversation.id)).filter(
      (r) => r.status === "pending",
    );
    expect(open.map((r) => r.kind)).toEqual(["handoff"]);
  });

  it("while already waiting for a person changes nothing", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    await h.service.requestHuman(conversation.id, undefined);
    const reviews = await h.store.reviews.listByConversation(conversation.id);
    expect(reviews).toHaveLength(1);
  });
});
