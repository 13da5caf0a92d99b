import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Metrics, Recommendation } from "@handoff/contracts";
import {
  api,
  askAsNewCustomer,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
let token: string;
beforeEach(async () => {
  server = await startTestServer();
  token = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
});
afterEach(async () => {
  await server.dispose();
});

/** Seeds review history as the audit log records it: `n` decisions in one category. */
async function seedDecisions(category: string, n: number, type: "approve" | "edit") {
  for (let i = 0; i < n; i++) {
    await server.platform.store.audit.append({
      actor: { type: "user", id: "agent-x", name: "Agent X" },
      action: "review.decided",
      conversationId: null,
      details: {
        reviewId: `seed-${category}-${type}-${i}`,
        decision: type === "edit" ? { type, text: "x" } : { type },
        category,
        waitedMs: 60_000,
        draftWords: 30,
      },
    });
  }
}

describe("metrics, thresholds and recommendations", () => {
  it("a threshold change applies to the very next message and is audited", async () => {
    expect((await askAsNewCustomer(server, "How long does standard delivery take?"))?.route).toBe("auto");
    const res = await api(server, "PUT", "/api/settings", { thresholds: { auto: 0.99, review: 0.3 } }, token);
    expect(res.status).toBe(200);
    expect((await askAsNewCustomer(server, "How long does standard delivery take?"))?.route).toBe("approval");
    const audit = await server.platform.store.audit.list({ action: "settings.changed", limit: 5 });
    expect(audit[0]?.actor.name).toBe("Sam Supervisor");
  });

  it("a category approved unchanged over 50 reviews gets a relax recommendation, applied with one click", async () => {
    await seedDecisions("shipping", 60, "approve");
    await seedDecisions("subscriptions", 8, "approve");
    await seedDecisions("subscriptions", 6, "edit");
    const recs = (
      await api<{ recommendations: Recommendation[] }>(
        server,
        "GET",
        "/api/metrics/recommendations",
        undefined,
        token,
      )
    ).body.recommendations;
    const relax = recs.find((r) => r.category === "shipping");
    expect(relax).toMatchObject({ kind: "relax", reviews: 60, unmodifiedRate: 1 });
    expect(relax && relax.suggested.auto).toBeLessThan(relax?.current.auto ?? 0);
    expect(recs.find((r) => r.category === "subscriptions")).toMatchObject({
      kind: "attention",
      reviews: 14,
    });
    if (!relax) return;
    await api(
      server,
      "POST",
      "/api/metrics/recommendations/apply",
      { category: "shipping", thresholds: relax.suggested },
      token,
    );
    expect((await server.platform.settings.get()).categoryThresholds.shipping).toEqual(relax.suggested);
  });

  it("the dashboard counts routes, decisions and flags approvals made faster than anyone can read", async () => {
    await askAsNewCustomer(server, "How long does standard delivery take?");
    await askAsNewCustomer(server, "I want to talk to a person");
    const { agent, review } = await pendingApproval(server);
    await agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } });
    const metrics = (await api<{ metrics: Metrics }>(server, "GET", "/api/metrics", undefined, token)).body
      .metrics;
    expect(metrics.routes).toEqual({ auto: 1, approval: 1, handoff: 1 });
    expect(metrics.automationRate).toBeCloseTo(1 / 3, 3);
    expect(metrics.escalationsByReason).toEqual({ human_request: 1, risk_rule: 1 });
    expect(metrics.decisions).toMatchObject({ total: 1, approved: 1, approvalRate: 1 });
    expect(metrics.rubberStamps).toEqual({ count: 1, share: 1 });
  });

  it("risk rules a supervisor sets apply to the next message: a category's route and a team's own phrase", async () => {
    expect((await askAsNewCustomer(server, "Please cancel my subscription today."))?.route).toBe("approval");
    // A team that wants every delivery promise checked flags the phrase as an order change.
    const plain = "How long does standard delivery take?";
    expect((await askAsNewCustomer(server, plain))?.route).toBe("auto");
    const res = await api(
      server,
      "PUT",
      "/api/settings",
      {
        riskRoutes: { cancellation: "handoff" },
        customRiskPhrases: [{ phrase: "standard delivery", category: "order_change" }],
      },
      token,
    );
    expect(res.status).toBe(200);
    expect(await askAsNewCustomer(server, "Please cancel my subscription today.")).toMatchObject({
      route: "handoff",
      reason: "risk_rule",
    });
    expect(await askAsNewCustomer(server, plain)).toMatchObject({ route: "approval", reason: "risk_rule" });
    const refused = await api(server, "PUT", "/api/settings", { riskRoutes: { refund: "auto" } }, token);
    expect(refused.status).toBe(400);
  });

  it("in shadow mode the bot drafts but a person sends everything", async () => {
    await api(server, "PUT", "/api/settings", { shadowCategories: ["shipping"] }, token);
    const routed = await askAsNewCustomer(server, "How long does standard delivery take?");
    expect(routed).toMatchObject({ route: "approval", reason: "shadow_mode" });
  });
});
