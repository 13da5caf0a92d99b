import { describe, expect, it } from "vitest";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  askedConversation,
  openHandoff,
  useServiceHarness,
  replies,
} from "./testing/service-harness";

const harness = useServiceHarness();

describe("a handoff", SERVICE_TEST_TIMEOUT, () => {
  it("is claimed by exactly one agent; the other is told who has it", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const [ada, bo] = [await h.person(), await h.person()];
    const outcomes = await Promise.allSettled([
      h.service.claimHandoff(handoff.id, ada),
      h.service.claimHandoff(handoff.id, bo),
    ]);
    const won = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(won[0]?.assigneeName ?? "?"),
    });
    const after = await h.service.getConversation(conversation.id);
    expect(after.status).toBe("human");
    expect(after.assigneeId).toBe(won[0]?.assigneeId);
    const joined = (await h.messages(conversation.id)).filter((m) => m.clientId === `${handoff.id}:claimed`);
    expect(joined).toHaveLength(1);
  });

  it("lets only its holder (or a supervisor) write to the customer; anyone may leave a note", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const [holder, other, supervisor] = [await h.person(), await h.person(), await h.person("supervisor")];
    const reply = { clientId: "r1", text: "Hi, I can help with that.", internal: false };
    await expect(h.service.sendAgentMessage(conversation.id, holder, reply)).rejects.toMatchObject({
      code: "illegal_transition",
    });
    await h.service.claimHandoff(handoff.id, holder);
    await expect(h.service.sendAgentMessage(conversation.id, other, reply)).rejects.toMatchObject({
      code: "forbidden",
    });
    await h.service.sendAgentMessage(conversation.id, other, { clientId: "n1", text: "VIP", internal: true });
    await h.service.sendAgentMessage(conversation.id, holder, reply);
    await h.service.sendAgentMessage(conversation.id, supervisor, {
      ...reply,
      clientId: "s1",
      text: "And me.",
    });
    const sent = await replies(h, conversation.id);
    expect(sent.map((m) => m.authorName)).toEqual([holder.name, supervisor.name]);
    const notes = (await h.messages(conversation.id)).filter((m) => m.internal);
    expect(notes.map((m) => m.text)).toEqual(["VIP"]);
  });

  it("handed back returns the conversation to the bot, which answers the next question", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const agent = await h.person();
    await h.service.claimHandoff(handoff.id, agent);
    const back = await h.service.releaseHandoff(conversation.id, "handed_back", agent);
    expect(back.status).toBe("bot");
    expect((await h.store.reviews.get(handoff.id))?.status).toBe("decided");
    const kinds = h.notifier.pushed.events.map((e) => e.type).filter((t) => t.startsWith("handoff."));
    expect(kinds).toEqual(["handoff.claimed", "handoff.handed_back"]);
    const { processed } = await h.service.receiveCustomerMessage(conversation.id, {
      clientId: "q2",
      text: ASK.auto,
    });
    await processed;
    const sent = await replies(h, conversation.id);
    expect(sent.map((m) => m.author)).toEqual(["bot"]);
  });

  it("resolved ends the conversation; closing it twice or by someone else is refused", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.handoff);
    const handoff = await openHandoff(h, conversation.id);
    const [agent, other] = [await h.person(), await h.person()];
    await expect(h.service.releaseHandoff(conversation.id, "resolved", agent)).rejects.toMatchObject({
      code: "illegal_transition",
    });
    await h.service.claimHandoff(handoff.id, agent);
    await expect(h.service.releaseHandoff(conversation.id, "resolved", other)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await h.service.releaseHandoff(conversation.id, "resolved", agent)).status).toBe("resolved");
    await expect(h.service.releaseHandoff(conversation.id, "resolved", agent)).rejects.toMatchObject({
      code: "illegal_transition",
    });
    const audit = await h.store.audit.list({ conversationId: conversation.id, limit: 50 });
    expect(audit.filter((e) => e.action === "handoff.released")).toHaveLength(1);
  });

  it("taken over from a pending draft: the draft is never sent and the agent holds the conversation", async () => {
    const h = harness();
    const conversation = await askedConversation(h, ASK.approval);
    const approval = (await h.store.reviews.listByConversation(conversation.id))[0];
    const agent = await h.person();
    await h.service.decideReview(approval?.id ?? "", { type: "takeover" }, agent);
    expect(await replies(h, conversation.id)).toEqual([]);
    const after = await h.service.getConversation(conversation.id);
    expect(after.status).toBe("human");
    expect(after.assigneeId).toBe(agent.id);
    await h.service.sendAgentMessage(conversation.id, agent, {
      clientId: "t1",
      text: "I'm on it.",
      internal: false,
    });
    expect((await replies(h, conversation.id)).map((m) => m.text)).toEqual(["I'm on it."]);
  });
});
