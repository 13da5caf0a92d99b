import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  LoginResponse,
  Team,
  TeamList,
  Weekday,
  type BusinessHours,
  type HandoffUnavailable,
  messageText,
} from "@handoff/contracts";
import {
  AGENT,
  api,
  connectAgent,
  connectCustomer,
  customerTranscript,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
let supervisor: string;
let agent: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body).token;
  agent = LoginResponse.parse((await api(server, "POST", "/api/auth/login", AGENT)).body).token;
});
afterAll(async () => {
  await server.dispose();
});

/** The UTC weekday `days` from today. */
const weekdayIn = (days: number) => Weekday.options[(new Date().getUTCDay() + 6 + days) % 7] ?? "mon";

/** Hours that are closed now: one day, two days from today. */
const closedNow: BusinessHours = {
  timeZone: "UTC",
  weekly: [{ day: weekdayIn(2), open: "09:00", close: "17:00" }],
  holidays: [],
};

/** Hours open from midnight today until ten minutes from now (or midnight, if that is sooner). */
function openForTenMinutes(): BusinessHours {
  const until = new Date(Date.now() + 10 * 60_000 + 60_000);
  const sameDay = until.getUTCDate() === new Date().getUTCDate();
  const close = sameDay
    ? `${String(until.getUTCHours()).padStart(2, "0")}:${String(until.getUTCMinutes()).padStart(2, "0")}`
    : "24:00";
  return { timeZone: "UTC", weekly: [{ day: weekdayIn(0), open: "00:00", close }], holidays: [] };
}

async function createTeam(body: unknown) {
  const res = await api(server, "POST", "/api/teams", body, supervisor);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return z.object({ team: Team }).parse(res.body).team;
}

const teams = async () =>
  TeamList.parse((await api(server, "GET", "/api/teams", undefined, agent)).body).teams;

describe("teams", () => {
  it("a supervisor creates, changes and deletes a team; agents read it; every change is audited", async () => {
    const team = await createTeam({ name: "Billing", categories: ["billing"], hours: closedNow });
    expect((await teams()).find((t) => t.id === team.id)?.status).toMatchObject({
      open: false,
      timeZone: "UTC",
    });
    const renamed = await api(
      server,
      "PATCH",
      `/api/teams/${team.id}`,
      { name: "Billing & refunds" },
      supervisor,
    );
    expect(renamed.body).toMatchObject({ team: { name: "Billing & refunds", categories: ["billing"] } });
    expect((await api(server, "DELETE", `/api/teams/${team.id}`, undefined, supervisor)).status).toBe(200);
    expect((await teams()).map((t) => t.id)).not.toContain(team.id);
    const actions = (await server.platform.store.audit.list({ limit: 20 }))
      .filter((e) => e.action.startsWith("team.") && e.details.teamId === team.id)
      .map((e) => e.action);
    expect(actions).toEqual(["team.deleted", "team.updated", "team.created"]);
  });

  it("refuses bad hours, bad names and unknown members with a 400, and stores nothing", async () => {
    const before = await teams();
    for (const body of [
      { name: "X", categories: [], hours: { timeZone: "Mars/Olympus", weekly: [], holidays: [] } },
      {
        name: "X",
        categories: [],
        hours: { timeZone: "UTC", weekly: [{ day: "mon", open: "17:00", close: "09:00" }] },
      },
      {
        name: "X",
        categories: [],
        hours: { timeZone: "UTC", weekly: [{ day: "someday", open: "09:00", close: "17:00" }] },
      },
      {
        name: "X",
        categories: [],
        hours: { timeZone: "UTC", weekly: [], holidays: [{ date: "31/12/2026" }] },
      },
      { name: "", categories: [], hours: null },
      { name: "X", categories: ["$where"], hours: null },
      { name: "X", categories: [], hours: null, members: [{ userId: "nobody" }] },
    ]) {
      expect((await api(server, "POST", "/api/teams", body, supervisor)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    expect(await teams()).toEqual(before);
  });

  it("gives each category one team, and each team its own name", async () => {
    const shipping = await createTeam({ name: "Shipping", categories: ["delivery"], hours: null });
    const clash = await api(
      server,
      "POST",
      "/api/teams",
      { name: "Other", categories: ["delivery"], hours: null },
      supervisor,
    );
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: { message: "Shipping already handles delivery" } });
    const twin = await api(
      server,
      "POST",
      "/api/teams",
      { name: "shipping", categories: [], hours: null },
      supervisor,
    );
    expect(twin.status).toBe(409);
    await api(server, "DELETE", `/api/teams/${shipping.id}`, undefined, supervisor);
  });

  it("refuses team changes to agents with a 403", async () => {
    const team = await createTeam({ name: "Locked", categories: ["locked"], hours: null });
    expect(
      (await api(server, "POST", "/api/teams", { name: "Mine", categories: [], hours: null }, agent)).status,
    ).toBe(403);
    expect((await api(server, "PATCH", `/api/teams/${team.id}`, { name: "Mine" }, agent)).status).toBe(403);
    expect((await api(server, "DELETE", `/api/teams/${team.id}`, undefined, agent)).status).toBe(403);
    expect((await teams()).find((t) => t.id === team.id)?.name).toBe("Locked");
    await api(server, "DELETE", `/api/teams/${team.id}`, undefined, supervisor);
  });
});

describe("business hours", () => {
  it("out of hours, a customer who asks for a person learns when the team is back, at once", async () => {
    const team = await createTeam({ name: "Everyone", categories: [], hours: closedNow });
    try {
      // An agent is online: it is the hours, not an empty console, that keep the customer waiting.
      await connectAgent(server);
      const customer = await connectCustomer(server);
      const unavailable = new Promise<HandoffUnavailable>((resolve) =>
        customer.socket.on("handoff:unavailable", resolve),
      );
      await customer.socket.emitWithAck("handoff:request", {});
      const status = (await teams()).find((t) => t.id === team.id)?.status;
      expect(await unavailable).toEqual({
        conversationId: customer.conversationId,
        reason: "closed",
        opensAt: status?.opensAt,
      });
      await vi.waitFor(async () =>
        expect((await customerTranscript(customer)).map((m) => messageText(m, "en"))).toContainEqual(
          expect.stringMatching(/^Our team is away right now and back on \w+ at 09:00 \(UTC\)/),
        ),
      );
    } finally {
      await api(server, "DELETE", `/api/teams/${team.id}`, undefined, supervisor);
    }
  });

  it("out of hours, an approval does not wait all night: the timeout policy applies at once", async () => {
    const team = await createTeam({ name: "Everyone", categories: [], hours: closedNow });
    try {
      const { review: approval } = await pendingApproval(server);
      // The supervisor's policy (escalate, by default): decided by the deadline, handed to the queue.
      await vi.waitFor(
        async () =>
          expect(await server.platform.store.reviews.get(approval.id)).toMatchObject({
            status: "decided",
            decision: { type: "reject" },
          }),
        { timeout: 10_000 },
      );
    } finally {
      await api(server, "DELETE", `/api/teams/${team.id}`, undefined, supervisor);
    }
  });

  it("in hours, an approval's deadline comes forward to closing time", async () => {
    const team = await createTeam({ name: "Everyone", categories: [], hours: openForTenMinutes() });
    try {
      const status = (await teams()).find((t) => t.id === team.id)?.status;
      expect(status?.open).toBe(true);
      const { review: approval } = await pendingApproval(server);
      await vi.waitFor(async () =>
        expect(Date.parse((await server.platform.store.reviews.get(approval.id))?.deadline ?? "")).toBe(
          Date.parse(status?.closesAt ?? ""),
        ),
      );
      expect((await server.platform.store.reviews.get(approval.id))?.status).toBe("pending");
    } finally {
      await api(server, "DELETE", `/api/teams/${team.id}`, undefined, supervisor);
    }
  });
});
