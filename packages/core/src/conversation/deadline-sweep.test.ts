import { describe, expect, it } from "vitest";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  askedConversation,
  openHandoff,
  useServiceHarness,
  type ServiceHarness,
  pendingApproval,
  replies,
} from "./testing/service-harness";

const harness = useServiceHarness();

const notices = async (h: ServiceHarness, conversationId: string) =>
  (await h.messages(conversationId)).filter((m) => m.author === "system");

describe("deadlines", SERVICE_TEST_TIMEOUT, () => {
  it("leave a draft alone before its deadline", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    h.clock.advanceMinutes(29);
    expect(await h.service.applyDueDeadlines()).toBe(0);
    expect((await h.store.reviews.get(review.id))?.status).toBe("pending");
  });

  it("pass a draft nobody decided to a person (default policy): the draft is never sent, the customer told once", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    h.clock.advanceMinutes(31);
    expect(await h.service.applyDueDeadlines()).toBe(1);
    expect(await h.service.applyDueDeadlines()).toBe(0);
    expect(await replies(h, conversation.id)).toEqual([]);
    expect(await notices(h, conversation.id)).toHaveLength(2); // the deadline's notice, then the handoff's
    expect((await h.store.reviews.get(review.id))?.decision).toMatchObject({ type: "reject" });
    expect((await h.service.getConversation(conversation.id)).status).toBe("waiting_human");
  });

  it("never touch a draft that was decided in time", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    await h.service.decideReview(review.id, { type: "approve" }, await h.person());
    h.clock.advanceMinutes(31);
    expect(await h.service.applyDueDeadlines()).toBe(0);
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([review.packet.draft.text]);
    expect(await notices(h, conversation.id)).toEqual([]);
  });

  it("remind a customer nobody picked up once, and offer them email", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const before = (await notices(h, conversation.id)).length;
    h.clock.advanceMinutes(16);
    expect(await h.service.applyDueDeadlines()).toBe(1);
    expect(await h.service.applyDueDeadlines()).toBe(0);
    expect((await notices(h, conversation.id)).length).toBe(before + 1);
    expect(h.notifier.pushed.unavailable).toEqual([{ conversationId: conversation.id, reason: "timeout" }]);
    expect((await h.store.reviews.get(handoff.id))?.status).toBe("pending");
  });

  it("hold across a restart: a new service applies a deadline that passed while it was down", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    h.clock.advanceMinutes(31);
    expect(await h.restart().applyDueDeadlines()).toBe(1);
    expect((await h.service.getConversation(conversation.id)).status).toBe("waiting_human");
  });
});
