import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Correction } from "@handoff/contracts";
import {
  api,
  askAsNewCustomer,
  connectAgent,
  connectCustomer,
  nextReview,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
let supervisorToken: string;
beforeEach(async () => {
  server = await startTestServer();
  supervisorToken = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
  // The pickup question is one the help center does not answer (the bot's best draft is about
  // shipping): with the default review threshold it goes to a person, so these tests lower the bar
  // to make it an approval whose draft the agent edits, as a team that prefers drafts would.
  const { body } = await api<{ settings: { thresholds: { auto: number; review: number } } }>(
    server,
    "GET",
    "/api/settings",
    undefined,
    supervisorToken,
  );
  const lowered = await api(
    server,
    "PUT",
    "/api/settings",
    { ...body.settings, thresholds: { ...body.settings.thresholds, review: 0.1 } },
    supervisorToken,
  );
  expect(lowered.status).toBe(200);
});
afterEach(async () => {
  await server.dispose();
});

const pending = async () =>
  (
    await api<{ corrections: Correction[] }>(
      server,
      "GET",
      "/api/corrections?status=pending",
      undefined,
      supervisorToken,
    )
  ).body.corrections;

describe("the feedback loop", () => {
  it("an edited draft becomes one correction that, once approved, answers the question and a paraphrase; retired, it stops", async () => {
    const question = "Can I pick up my order at the roastery?";
    const { agent, review } = await pendingApproval(server, question);
    const answer =
      "Yes: choose 'Pick up at the roastery' at checkout and collect your order from our Portland roastery on weekdays.";
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "edit", text: answer },
    });
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "edit", text: answer },
    });
    const queue = await pending();
    expect(queue).toHaveLength(1);
    const [correction] = queue;
    if (!correction) return;
    expect(correction).toMatchObject({
      question,
      answer,
      draft: review.packet.draft.text,
      conversationId: review.conversationId,
    });

    const approved = await api(
      server,
      "POST",
      `/api/corrections/${correction.id}/approve`,
      { tags: ["pickup"] },
      supervisorToken,
    );
    expect(approved.status).toBe(200);
    expect(await askAsNewCustomer(server, question)).toMatchObject({
      route: "auto",
      sources: [correction.id],
    });
    expect(
      await askAsNewCustomer(server, "Is it possible to collect my order from the roastery?"),
    ).toMatchObject({
      route: "auto",
      sources: [correction.id],
    });

    await api(server, "POST", `/api/corrections/${correction.id}/retire`, {}, supervisorToken);
    const after = await askAsNewCustomer(server, question);
    expect(after.sources).not.toContain(correction.id);
  });

  it("an agent's answer during a takeover becomes a correction, stored once", async () => {
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const created = nextReview(agent.socket, "review:created");
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "Do you offer a student discount?",
    });
    const review = await created;
    await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
    const reply = {
      conversationId: customer.conversationId,
      clientId: "a1",
      text: "We don't have a student discount, but subscribers save 15% on every bag.",
    };
    await agent.socket.emitWithAck("message:send", reply);
    await agent.socket.emitWithAck("message:send", reply);
    const queue = await pending();
    expect(queue.map((c) => [c.question, c.answer])).toEqual([
      ["Do you offer a student discount?", reply.text],
    ]);
  });

  it("a rejection needs a reason, and merged duplicates leave one correction", async () => {
    const question = "Can I pick up my order at the roastery?";
    const { agent, review } = await pendingApproval(server, question);
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "edit", text: "Yes, at the roastery." },
    });
    const second = await pendingApproval(server, "Can I collect my order at the roastery?");
    await second.agent.socket.emitWithAck("review:decide", {
      reviewId: second.review.id,
      decision: { type: "edit", text: "Yes, collect it there." },
    });
    const [newer, older] = await pending();
    if (!newer || !older) throw new Error("expected two corrections");
    const noReason = await api(
      server,
      "POST",
      `/api/corrections/${newer.id}/reject`,
      { reason: "" },
      supervisorToken,
    );
    expect(noReason.status).toBe(400);
    const merged = await api(
      server,
      "POST",
      "/api/corrections/merge",
      { keepId: older.id, duplicateIds: [newer.id] },
      supervisorToken,
    );
    expect(merged.status).toBe(200);
    expect((await pending()).map((c) => c.id)).toEqual([older.id]);
    const rejected = await server.platform.store.corrections.get(newer.id);
    expect(rejected).toMatchObject({ status: "rejected", reason: `merged into ${older.id}` });
  });

  it("the audit log exports as CSV and JSON Lines", async () => {
    const csv = await fetch(`${server.url}/api/audit/export?format=csv`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split("\n")[0]).toBe("at,action,actor_type,actor_id,actor_name,conversation_id,details");
    expect(text).toContain("user.signed_in");
    const jsonl = await fetch(`${server.url}/api/audit/export?format=jsonl`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    const lines = (await jsonl.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.some((e) => e.action === "user.signed_in")).toBe(true);
  });
});
