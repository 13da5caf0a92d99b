import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { LoginResponse, SavedReply, SavedReplyList } from "@handoff/contracts";
import { AGENT, api, startTestServer, SUPERVISOR, type TestServer } from "../testing";

const Answer = z.object({ reply: SavedReply });

let server: TestServer;
let supervisor: string;
let agent: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = await signIn(SUPERVISOR);
  agent = await signIn(AGENT);
});
afterAll(async () => {
  await server.dispose();
});

async function signIn(who: { email: string; password: string }): Promise<string> {
  return LoginResponse.parse((await api(server, "POST", "/api/auth/login", who)).body).token;
}

const create = (body: unknown, token: string) => api(server, "POST", "/api/saved-replies", body, token);
const list = async (token: string) =>
  SavedReplyList.parse((await api(server, "GET", "/api/saved-replies", undefined, token)).body).replies;
const created = async (body: unknown, token: string) => {
  const res = await create(body, token);
  expect(res.status).toBe(201);
  return Answer.parse(res.body).reply;
};
const audited = async (action: string) =>
  (await server.platform.store.audit.list({ action, limit: 50 })).map((e) => ({
    actor: e.actor.name,
    ...e.details,
  }));

describe("saved replies over REST", () => {
  it("a supervisor adds a team reply every agent sees; an agent's own reply only they see; both audited", async () => {
    const team = await created(
      {
        shortcut: "Refund",
        title: "Refund policy",
        text: "Hi {{customer.first_name}}, refunds take 5 days.",
        scope: "team",
      },
      supervisor,
    );
    expect(team).toMatchObject({ shortcut: "refund", scope: "team", ownerId: null });
    const own = await created(
      { shortcut: "sign-off", title: "Sign-off", text: "Cheers!", scope: "personal" },
      agent,
    );
    expect(own.ownerId).not.toBeNull();

    expect((await list(agent)).map((r) => r.shortcut)).toEqual(["refund", "sign-off"]);
    expect((await list(supervisor)).map((r) => r.shortcut)).toEqual(["refund"]);
    expect(await audited("saved_reply.created")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "Sam Supervisor", savedReplyId: team.id, scope: "team" }),
        expect.objectContaining({ actor: "Alex Agent", savedReplyId: own.id, scope: "personal" }),
      ]),
    );
  });

  it("refuses bad input with a 400 and stores nothing", async () => {
    const before = (await list(supervisor)).length;
    for (const body of [
      {},
      { shortcut: "two words", title: "t", text: "x", scope: "team" },
      { shortcut: "ok", title: "", text: "x", scope: "team" },
      { shortcut: "ok", title: "t", text: "x".repeat(4001), scope: "team" },
      { shortcut: "ok", title: "t", text: "x", scope: "everyone" },
      { shortcut: "ok", title: "t", text: "x", scope: "team", ownerId: "someone-else" },
      { shortcut: { $ne: null }, title: "t", text: "x", scope: "team" },
    ]) {
      const res = await create(body, supervisor);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const team = (await list(supervisor))[0];
    if (!team) throw new Error("no team reply");
    for (const body of [{}, { shortcut: "" }, { scope: "personal" }]) {
      const res = await api(server, "PATCH", `/api/saved-replies/${team.id}`, body, supervisor);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await list(supervisor)).length).toBe(before);
    expect((await list(supervisor))[0]).toEqual(team);
  });

  it("refuses an agent's change to a team reply with a 403, and another agent's own reply is not found", async () => {
    const team = await created(
      { shortcut: "hours", title: "Opening hours", text: "9 to 5.", scope: "team" },
      supervisor,
    );
    expect((await create({ shortcut: "x", title: "t", text: "x", scope: "team" }, agent)).status).toBe(403);
    expect(
      (await api(server, "PATCH", `/api/saved-replies/${team.id}`, { text: "Mine now" }, agent)).status,
    ).toBe(403);
    expect((await api(server, "DELETE", `/api/saved-replies/${team.id}`, undefined, agent)).status).toBe(403);
    expect((await list(agent)).find((r) => r.id === team.id)?.text).toBe("9 to 5.");

    const own = await created(
      { shortcut: "mine", title: "Mine", text: "Only mine.", scope: "personal" },
      agent,
    );
    expect(
      (await api(server, "PATCH", `/api/saved-replies/${own.id}`, { text: "x" }, supervisor)).status,
    ).toBe(404);
    expect((await api(server, "DELETE", `/api/saved-replies/${own.id}`, undefined, supervisor)).status).toBe(
      404,
    );
    expect((await api(server, "GET", "/api/saved-replies")).status).toBe(401);
  });

  it("refuses a shortcut already taken in the same scope with a 409", async () => {
    await created({ shortcut: "dup", title: "One", text: "1", scope: "team" }, supervisor);
    const again = await create({ shortcut: "DUP", title: "Two", text: "2", scope: "team" }, supervisor);
    expect(again.status).toBe(409);
    // An agent's own reply may shadow the team's.
    await created({ shortcut: "dup", title: "My dup", text: "mine", scope: "personal" }, agent);
  });

  it("edits and deletes, audited with what changed", async () => {
    const reply = await created(
      { shortcut: "late", title: "Late parcel", text: "Sorry!", scope: "team" },
      supervisor,
    );
    const res = await api(
      server,
      "PATCH",
      `/api/saved-replies/${reply.id}`,
      { text: "So sorry!" },
      supervisor,
    );
    expect(res.status).toBe(200);
    expect(Answer.parse(res.body).reply).toMatchObject({
      id: reply.id,
      shortcut: "late",
      text: "So sorry!",
    });
    expect(await audited("saved_reply.updated")).toContainEqual(
      expect.objectContaining({ savedReplyId: reply.id, changed: ["text"] }),
    );
    expect(
      (await api(server, "DELETE", `/api/saved-replies/${reply.id}`, undefined, supervisor)).status,
    ).toBe(204);
    expect(
      (await api(server, "DELETE", `/api/saved-replies/${reply.id}`, undefined, supervisor)).status,
    ).toBe(404);
    expect((await list(supervisor)).some((r) => r.id === reply.id)).toBe(false);
    expect(await audited("saved_reply.deleted")).toContainEqual(
      expect.objectContaining({ savedReplyId: reply.id }),
    );
  });
});
