import { describe, expect, it } from "vitest";
import { pauseSources } from "./lifecycle";
import { postMessage } from "./post-message";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  askedConversation,
  openHandoff,
  useServiceHarness,
  type ServiceHarness,
  pendingApproval,
  replies,
  unapplied,
} from "./testing/service-harness";

const harness = useServiceHarness();

/** A customer message stored as receiveCustomerMessage stores it, by a process that died before the bot ran. */
async function storedNotHandled(h: ServiceHarness, conversationId: string, text: string) {
  await postMessage(h.deps, {
    conversationId,
    clientId: `crash:${text}`,
    author: "customer",
    authorName: null,
    text,
    sources: [],
    internal: false,
  });
}

describe("recovery after a restart", SERVICE_TEST_TIMEOUT, () => {
  it("answers a customer message that was stored but never dealt with, once", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    await storedNotHandled(h, conversation.id, ASK.auto);
    const service = h.restart();
    expect(await service.recover()).toBe(1);
    expect((await replies(h, conversation.id)).map((m) => m.author)).toEqual(["bot"]);
    expect(await service.recover()).toBe(0);
    expect(await replies(h, conversation.id)).toHaveLength(1);
  });

  it("does not run again a message its run answered before the crash came between the reply and the routed mark", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.auto);
    const [question] = await h.store.messages.listRecent(conversation.id, 2);
    // The reply is stored; the process died before marking the message routed (an auto answer saves no checkpoint).
    await h.store.messages.setHandling(conversation.id, {
      seq: question?.seq,
      from: ["routed"],
      to: "queued",
    });
    const routedEvents = () =>
      h.store.audit.list({ conversationId: conversation.id, action: "message.routed", limit: 10 });
    expect(await routedEvents()).toHaveLength(1);
    const service = h.restart();
    expect(await service.recover()).toBe(1);
    expect(await routedEvents()).toHaveLength(1);
    expect(await replies(h, conversation.id)).toHaveLength(1);
    expect(await service.recover()).toBe(0);
  });

  it("leaves work younger than the grace period to the instance still running it", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    await storedNotHandled(h, conversation.id, ASK.auto);
    const service = h.restart();
    expect(await service.recover({ graceMs: 60_000 })).toBe(0);
    expect(await replies(h, conversation.id)).toEqual([]);
    h.clock.advanceMinutes(2);
    expect(await service.recover({ graceMs: 60_000 })).toBe(1);
    expect(await replies(h, conversation.id)).toHaveLength(1);
  });

  it("applies an approval recorded before the crash but never applied: the draft is sent once", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const agent = await h.person();
    // The first step of a decision (the compare-and-set) happened; the process died before the resume.
    await h.store.reviews.decide(
      review.id,
      pauseSources("approval", "decide"),
      { type: "approve" },
      agent.id,
    );
    expect(await replies(h, conversation.id)).toEqual([]);
    const service = h.restart();
    expect(await service.recover()).toBe(1);
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([review.packet.draft.text]);
    expect(await unapplied(h)).not.toContain(review.id);
    expect(await service.recover()).toBe(0);
    expect(await replies(h, conversation.id)).toHaveLength(1);
    await expect(service.decideReview(review.id, { type: "approve" }, agent)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("applies a rejection recorded before the crash: the draft is still never sent", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const agent = await h.person();
    await h.store.reviews.decide(
      review.id,
      pauseSources("approval", "decide"),
      { type: "reject", reason: "no" },
      agent.id,
    );
    expect(await h.restart().recover()).toBe(1);
    expect(await replies(h, conversation.id)).toEqual([]);
    expect((await h.service.getConversation(conversation.id)).status).toBe("waiting_human");
  });

  it("applies a hand back recorded before the crash, and the bot answers again", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const agent = await h.person();
    await h.service.claimHandoff(handoff.id, agent);
    await h.store.reviews.decide(
      handoff.id,
      pauseSources("handoff", "decide"),
      { type: "handed_back" },
      agent.id,
    );
    const service = h.restart();
    expect(await service.recover()).toBe(1);
    expect((await service.getConversation(conversation.id)).status).toBe("bot");
    const { processed } = await service.receiveCustomerMessage(conversation.id, {
      clientId: "q",
      text: ASK.auto,
    });
    await processed;
    expect((await replies(h, conversation.id)).map((m) => m.author)).toEqual(["bot"]);
  });

  it("keeps a pending approval pending across a restart, and it can be decided afterwards", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const service = h.restart();
    expect(await service.recover()).toBe(0);
    await service.decideReview(review.id, { type: "approve" }, await h.person());
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([review.packet.draft.text]);
  });
});
