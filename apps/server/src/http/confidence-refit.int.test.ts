import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuditEvent, Confidence, RefitPreview, Settings, type FittedConfidence } from "@handoff/contracts";
import {
  AGENT,
  SUPERVISOR,
  api,
  connectCustomer,
  seedDecisionHistory,
  separableHistory,
  startTestServer,
  type TestServer,
} from "../testing";

let server: TestServer;
let supervisor: string;
let agent: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
  agent = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
});
afterAll(async () => {
  await server?.dispose();
});

const preview = async (body: unknown = {}) => {
  const res = await api<{ preview: unknown }>(
    server,
    "POST",
    "/api/confidence/refit/preview",
    body,
    supervisor,
  );
  expect(res.status).toBe(200);
  return RefitPreview.parse(res.body.preview);
};
const settings = async () =>
  Settings.parse(
    (await api<{ settings: unknown }>(server, "GET", "/api/settings", undefined, supervisor)).body.settings,
  );
const audit = async (action: string) =>
  (
    await api<{ events: unknown[] }>(server, "GET", `/api/audit?action=${action}`, undefined, supervisor)
  ).body.events.map((e) => AuditEvent.parse(e));

describe("refitting the confidence from the deployment's own decisions", () => {
  it("proposes nothing while there are too few decisions, and says why", async () => {
    const p = await preview();
    expect(p.proposed).toBeNull();
    expect(p.blocked).toMatch(/at least 30/);
    expect(p.decisions.total).toBe(0);
  });

  it("previews a fit on the decisions: the counts, today's routing and the new one, changing nothing", async () => {
    const before = await settings();
    const history = separableHistory();
    await seedDecisionHistory(server, history.decisions, history.autoSent);
    const p = await preview();
    expect(p.decisions).toEqual({ total: 40, approved: 20, edited: 7, rejected: 7, takenOver: 6 });
    expect(p.messages).toBe(50);
    expect(p.current.automation).toBeCloseTo(10 / 50, 10);
    expect(p.current.thresholds).toEqual(before.thresholds);
    expect(p.blocked).toBeNull();
    const proposed = p.proposed!;
    // The model's own confidence tells the approved drafts from the changed ones in this history.
    expect(proposed.model.features).toContain("model");
    expect(proposed.model.weights[proposed.model.features.indexOf("model")]).toBeGreaterThan(0);
    expect(proposed.reviewedSent).toBeGreaterThan(0);
    expect(proposed.reviewedWrong).toBe(0);
    expect(proposed.heldOut.samples).toBe(40);
    expect(proposed.heldOut.precision).toBeGreaterThanOrEqual(0.98);
    expect(proposed.model.trainedOn.map((t) => t.name)).toEqual([
      "period 1 of 4",
      "period 2 of 4",
      "period 3 of 4",
      "period 4 of 4",
    ]);
    expect(await settings()).toEqual(before);
  });

  it("counts only the decisions of the period asked for", async () => {
    const p = await preview({ from: new Date(Date.now() + 3_600_000).toISOString() });
    expect(p.decisions.total).toBe(0);
    expect(p.messages).toBe(0);
  });

  it("refuses a bad period or a bad fit with a 400 and changes nothing", async () => {
    const before = await settings();
    const refitted = (await audit("confidence.refitted")).length;
    const bad = [
      ["/api/confidence/refit/preview", { from: "yesterday" }],
      ["/api/confidence/refit/preview", { period: "week" }],
      ["/api/confidence/refit/apply", {}],
      ["/api/confidence/refit/apply", { model: { features: ["model"], weights: [1, 2] } }],
    ] as const;
    for (const [route, body] of bad) {
      const res = await api(server, "POST", route, body, supervisor);
      expect(res.status, `${route} ${JSON.stringify(body)}`).toBe(400);
    }
    const { proposed } = await preview();
    const unknownSignal = { ...proposed!.model, features: ["model", "horoscope"], weights: [1, 1] };
    const res = await api<{ error: { message: string } }>(
      server,
      "POST",
      "/api/confidence/refit/apply",
      { model: unknownSignal },
      supervisor,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/horoscope/);
    expect(await settings()).toEqual(before);
    expect(await audit("confidence.refitted")).toHaveLength(refitted);
  });

  it("is for supervisors only", async () => {
    expect((await api(server, "POST", "/api/confidence/refit/preview", {}, agent)).status).toBe(403);
    expect((await api(server, "POST", "/api/confidence/refit/apply", {}, agent)).status).toBe(403);
  });

  it("applies the previewed fit: its thresholds and weights go into the settings, audited", async () => {
    const { proposed } = await preview();
    const res = await api<{ settings: unknown }>(
      server,
      "POST",
      "/api/confidence/refit/apply",
      { model: proposed!.model },
      supervisor,
    );
    expect(res.status).toBe(200);
    const after = await settings();
    expect(after.thresholds).toEqual(proposed!.model.thresholds);
    expect(after.fittedConfidence).toEqual(proposed!.model);
    const [event] = await audit("confidence.refitted");
    expect(event?.actor.type).toBe("user");
    expect(event?.details).toMatchObject({
      features: proposed!.model.features,
      thresholds: proposed!.model.thresholds,
    });
    expect((await audit("settings.changed")).length).toBeGreaterThan(0);
  });

  it("scores the next customer message with the applied fit", async () => {
    // A fit that gives every message probability 0.5 makes its use plain to see in the routed score.
    const { proposed } = await preview();
    const flat: FittedConfidence = {
      ...proposed!.model,
      features: ["model"],
      weights: [0],
      bias: 0,
      thresholds: { auto: 0.6, review: 0.3 },
    };
    expect(
      (await api(server, "POST", "/api/confidence/refit/apply", { model: flat }, supervisor)).status,
    ).toBe(200);
    const customer = await connectCustomer(server);
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "How long does shipping take?",
    });
    const routed = await vi.waitFor(async () => {
      const [event] = (await audit("message.routed")).filter(
        (e) => e.conversationId === customer.conversationId,
      );
      if (!event) throw new Error("not routed yet");
      return event;
    });
    const confidence = Confidence.parse(routed.details.confidence);
    expect(confidence.parts.rules).toBe(1);
    expect(confidence.score).toBe(0.5);
    expect(routed.details.route).toBe("approval");
  });
});
