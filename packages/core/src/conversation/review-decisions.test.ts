import { describe, expect, it, vi } from "vitest";
import { InProcessGraphRunner, type GraphJob } from "../graph";
import { ConversationService } from "./conversation-service";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  askedConversation,
  useServiceHarness,
  pendingApproval,
  replies,
  unapplied,
} from "./testing/service-harness";

const harness = useServiceHarness();

describe("an agent's decision on a pending draft", SERVICE_TEST_TIMEOUT, () => {
  it("approve sends the draft as the bot wrote it, once, and the bot has the conversation again", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const decided = await h.service.decideReview(review.id, { type: "approve" }, await h.person());
    expect(decided.status).toBe("decided");
    const sent = await replies(h, conversation.id);
    expect(sent.map((m) => [m.author, m.text])).toEqual([["bot", review.packet.draft.text]]);
    expect((await h.service.getConversation(conversation.id)).status).toBe("bot");
    expect(await unapplied(h)).not.toContain(review.id);
  });

  it("edit sends the agent's text under their name instead of the draft", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const agent = await h.person();
    const text =
      "Your order 5521 qualifies: I have started the refund, it reaches your card in 5 to 10 days.";
    await h.service.decideReview(review.id, { type: "edit", text }, agent);
    const sent = await replies(h, conversation.id);
    expect(sent.map((m) => [m.author, m.authorName, m.text])).toEqual([["agent", agent.name, text]]);
  });

  it("choose sends the picked draft, and a draft that is not the review's is refused", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const agent = await h.person();
    await expect(
      h.service.decideReview(review.id, { type: "choose", draftId: "not-a-draft" }, agent),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect((await h.store.reviews.get(review.id))?.status).toBe("pending");
    const picked = review.packet.alternatives[0] ?? review.packet.draft;
    await h.service.decideReview(review.id, { type: "choose", draftId: picked.id }, agent);
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([picked.text]);
  });

  it("reject never sends the draft and hands the conversation to a person", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    await h.service.decideReview(review.id, { type: "reject", reason: "wrong policy" }, await h.person());
    expect(await replies(h, conversation.id)).toEqual([]);
    expect((await h.service.getConversation(conversation.id)).status).toBe("waiting_human");
    const open = (await h.store.reviews.listByConversation(conversation.id)).filter(
      (r) => r.status === "pending",
    );
    expect(open.map((r) => r.kind)).toEqual(["handoff"]);
  });

  it("reject with a replacement sends the replacement, never the draft", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const replacement = "Monthly plans are not refundable, I am sorry.";
    await h.service.decideReview(
      review.id,
      { type: "reject", reason: "monthly", replacement },
      await h.person(),
    );
    const texts = (await replies(h, conversation.id)).map((m) => m.text);
    expect(texts).toEqual([replacement]);
  });

  it("the approved reply reaches the customer while the graph's resume still waits for a worker", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    // Graph runs waiting their turn, as on a busy worker pool: resumes are held until released.
    const graph = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const held: GraphJob[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    h.service = new ConversationService({
      ...h.deps,
      runner: {
        async execute(job) {
          if (job.kind === "resume") {
            held.push(job);
            await released;
          }
          return graph.execute(job);
        },
      },
    });
    const decided = h.service.decideReview(review.id, { type: "approve" }, await h.person());
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const draft = review.packet.draft.text;
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([draft]);
    expect(h.notifier.pushed.messages.filter((m) => m.text === draft)).toHaveLength(1);
    release();
    await decided;
    // The resumed run posts the same reply under the same key: stored and pushed once.
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual([draft]);
    expect(h.notifier.pushed.messages.filter((m) => m.text === draft)).toHaveLength(1);
    expect((await h.service.getConversation(conversation.id)).status).toBe("bot");
  });

  it("is applied exactly once: a second decision is refused and the customer got one reply", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const review = await pendingApproval(h, conversation.id);
    const [first, second] = [await h.person(), await h.person()];
    const outcomes = await Promise.allSettled([
      h.service.decideReview(review.id, { type: "approve" }, first),
      h.service.decideReview(review.id, { type: "reject", reason: "no" }, second),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "conflict" });
    await expect(h.service.decideReview(review.id, { type: "approve" }, first)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await replies(h, conversation.id)).toHaveLength(1);
    const audit = await h.store.audit.list({ conversationId: conversation.id, limit: 50 });
    expect(audit.filter((e) => e.action === "review.decided")).toHaveLength(1);
    const decided = h.notifier.pushed.events.filter((e) => e.type === "review.decided");
    expect(decided.map((e) => e.type === "review.decided" && e.data.review.id)).toEqual([review.id]);
  });

  it("on a handoff is refused: handoffs are claimed", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const [handoff] = await h.store.reviews.listByConversation(conversation.id);
    await expect(
      h.service.decideReview(handoff?.id ?? "", { type: "approve" }, await h.person()),
    ).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
