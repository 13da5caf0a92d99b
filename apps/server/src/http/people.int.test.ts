import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { IssuedLink, LoginResponse, PeopleList, Person, messageText } from "@handoff/contracts";
import {
  AGENT,
  api,
  connectAgent,
  customerTranscript,
  nextConversation,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
let supervisor: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = await signIn(SUPERVISOR);
});
afterAll(async () => {
  await server.dispose();
});

async function signIn(who: { email: string; password: string }): Promise<string> {
  const res = await api(server, "POST", "/api/auth/login", who);
  return LoginResponse.parse(res.body).token;
}

/** A supervisor invites someone; the link with its token. */
async function invite(email: string, role: "agent" | "supervisor" = "agent") {
  const res = await api(server, "POST", "/api/people/invites", { email, role }, supervisor);
  return IssuedLink.parse(res.body);
}

/** Invites someone and joins through the link; returns the new account and its session. */
async function join(email: string, role: "agent" | "supervisor" = "agent", password = "a-long-password-1") {
  const invited = await invite(email, role);
  const joined = await api(server, "POST", "/api/access-links/accept", {
    token: invited.token,
    name: email.split("@")[0],
    password,
  });
  return { ...LoginResponse.parse(joined.body), password };
}

const people = async () =>
  PeopleList.parse((await api(server, "GET", "/api/people", undefined, supervisor)).body);
const audited = async (action: string) =>
  (await server.platform.store.audit.list({ action, limit: 50 })).map((e) => e.details);

describe("inviting people", () => {
  it("a supervisor invites an agent, who joins through the one-time link and is signed in", async () => {
    const res = await api(
      server,
      "POST",
      "/api/people/invites",
      { email: "Nina@Example.com", role: "agent" },
      supervisor,
    );
    expect(res.status).toBe(201);
    const invited = IssuedLink.parse(res.body);
    expect(invited.link).toMatchObject({ email: "nina@example.com", role: "agent", usedAt: null });
    expect(invited.mail).toBe("not_configured");
    expect((await people()).invites.map((i) => i.email)).toContain("nina@example.com");

    const preview = await api(server, "POST", "/api/access-links/inspect", { token: invited.token });
    expect(preview.body).toMatchObject({
      link: { kind: "invite", email: "nina@example.com", role: "agent" },
    });

    const joined = await api(server, "POST", "/api/access-links/accept", {
      token: invited.token,
      name: "Nina",
      password: "nina-password-1",
    });
    expect(joined.status).toBe(200);
    const session = LoginResponse.parse(joined.body);
    expect(session.user).toMatchObject({ email: "nina@example.com", name: "Nina", role: "agent" });
    expect((await api(server, "GET", "/api/auth/me", undefined, session.token)).status).toBe(200);
    expect(await signIn({ email: "nina@example.com", password: "nina-password-1" })).toBeTruthy();

    const again = await api(server, "POST", "/api/access-links/accept", {
      token: invited.token,
      password: "another-password-2",
    });
    expect(again.status).toBe(404);
    expect((await people()).invites.map((i) => i.email)).not.toContain("nina@example.com");
    expect(await audited("user.invited")).toContainEqual(
      expect.objectContaining({ email: "nina@example.com" }),
    );
    expect(await audited("user.joined")).toContainEqual(
      expect.objectContaining({ email: "nina@example.com" }),
    );
  });

  it("refuses a bad invitation with a 400 and stores nothing", async () => {
    for (const body of [
      { email: "not-an-email", role: "agent" },
      { email: "x@example.com", role: "admin" },
      { email: "x@example.com" },
      { email: "x@example.com", role: "agent", name: "" },
    ]) {
      const res = await api(server, "POST", "/api/people/invites", body, supervisor);
      expect(res.status).toBe(400);
    }
    expect((await people()).invites.map((i) => i.email)).not.toContain("x@example.com");
  });

  it("refuses to invite an email that already has an account", async () => {
    const res = await api(
      server,
      "POST",
      "/api/people/invites",
      { email: AGENT.email, role: "agent" },
      supervisor,
    );
    expect(res.status).toBe(409);
  });

  it("keeps a link usable when joining is refused for a short password", async () => {
    const invited = await invite("short@example.com");
    const refused = await api(server, "POST", "/api/access-links/accept", {
      token: invited.token,
      password: "short",
    });
    expect(refused.status).toBe(400);
    const ok = await api(server, "POST", "/api/access-links/accept", {
      token: invited.token,
      password: "long-enough-now",
    });
    expect(ok.status).toBe(200);
  });

  it("a new invitation replaces the open one, and a revoked one cannot be used", async () => {
    const first = await invite("twice@example.com");
    const second = await invite("twice@example.com");
    expect((await api(server, "POST", "/api/access-links/inspect", { token: first.token })).status).toBe(404);
    const revoke = await api(
      server,
      "DELETE",
      `/api/people/invites/${second.link.id}`,
      undefined,
      supervisor,
    );
    expect(revoke.status).toBe(200);
    expect((await api(server, "POST", "/api/access-links/inspect", { token: second.token })).status).toBe(
      404,
    );
    expect(await audited("access_link.revoked")).toContainEqual(
      expect.objectContaining({ linkId: second.link.id }),
    );
  });
});

describe("what agents may not do", () => {
  it("refuses every supervisor action on people to an agent with a 403, changing nothing", async () => {
    const agent = await signIn(AGENT);
    const someone = (await people()).people[0];
    if (!someone) throw new Error("no people");
    const before = await people();
    const calls: Array<[string, string, unknown]> = [
      ["GET", "/api/people", undefined],
      ["POST", "/api/people/invites", { email: "sneaky@example.com", role: "supervisor" }],
      ["PATCH", `/api/people/${someone.id}`, { role: "agent" }],
      ["POST", `/api/people/${someone.id}/deactivate`, {}],
      ["POST", `/api/people/${someone.id}/reactivate`, {}],
      ["POST", `/api/people/${someone.id}/password-reset`, {}],
      ["DELETE", "/api/people/invites/some-id", undefined],
    ];
    for (const [method, path, body] of calls) {
      expect((await api(server, method, path, body, agent)).status, `${method} ${path}`).toBe(403);
    }
    expect(await people()).toEqual(before);
  });
});

describe("roles", () => {
  it("a supervisor promotes an agent, whose open socket reconnects as a supervisor; audited", async () => {
    const dana = await join("dana@example.com");
    const socket = await connectAgent(server, { email: "dana@example.com", password: dana.password });
    const cut = new Promise((resolve) => socket.socket.once("disconnect", resolve));
    const res = await api(server, "PATCH", `/api/people/${dana.user.id}`, { role: "supervisor" }, supervisor);
    expect(Person.parse(z.object({ person: Person }).parse(res.body).person).role).toBe("supervisor");
    expect(await cut).toBe("io server disconnect");
    const me = await api<{ user: Person }>(server, "GET", "/api/auth/me", undefined, dana.token);
    expect(me.body.user.role).toBe("supervisor");
    expect(await audited("user.updated")).toContainEqual(
      expect.objectContaining({ userId: dana.user.id, after: { role: "supervisor", name: "dana" } }),
    );
  });

  it("refuses to demote or deactivate the last active supervisor", async () => {
    const lone = await startTestServer();
    try {
      const token = LoginResponse.parse((await api(lone, "POST", "/api/auth/login", SUPERVISOR)).body).token;
      const list = PeopleList.parse((await api(lone, "GET", "/api/people", undefined, token)).body);
      const sam = list.people.find((p) => p.role === "supervisor");
      if (!sam) throw new Error("no supervisor");
      const demote = await api(lone, "PATCH", `/api/people/${sam.id}`, { role: "agent" }, token);
      expect(demote.status).toBe(409);
      expect(demote.body).toMatchObject({
        error: { message: expect.stringContaining("last active supervisor") },
      });
      expect((await api(lone, "POST", `/api/people/${sam.id}/deactivate`, {}, token)).status).toBe(400);
    } finally {
      await lone.dispose();
    }
  });

  it("refuses a patch that changes nothing or names an unknown role", async () => {
    const someone = (await people()).people[0];
    for (const body of [{}, { role: "owner" }, { name: "  " }]) {
      expect((await api(server, "PATCH", `/api/people/${someone?.id}`, body, supervisor)).status).toBe(400);
    }
  });
});

describe("deactivation", () => {
  it("ends the agent's sessions and sockets at once and puts the handoff they hold back in the queue", async () => {
    const eli = await join("eli@example.com");
    const { customer, review } = await pendingHandoff(server);
    const eliSocket = await connectAgent(server, { email: "eli@example.com", password: eli.password });
    expect((await eliSocket.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);

    const cut = new Promise((resolve) => eliSocket.socket.once("disconnect", resolve));
    const backInQueue = nextConversation(customer.socket, (c) => c.status === "waiting_human");
    const res = await api(server, "POST", `/api/people/${eli.user.id}/deactivate`, {}, supervisor);
    expect(res.body).toMatchObject({ person: { status: "deactivated" }, returnedHandoffs: 1 });
    expect(await cut).toBe("io server disconnect");
    expect((await backInQueue).assigneeId).toBeNull();

    expect((await api(server, "GET", "/api/auth/me", undefined, eli.token)).status).toBe(401);
    const login = await api(server, "POST", "/api/auth/login", {
      email: "eli@example.com",
      password: eli.password,
    });
    expect(login.status).toBe(403);
    expect(await server.platform.store.reviews.get(review.id)).toMatchObject({
      status: "pending",
      assigneeId: null,
    });
    await vi.waitFor(async () =>
      expect((await customerTranscript(customer)).map((m) => messageText(m, "en"))).toContainEqual(
        expect.stringMatching(/had to step away/),
      ),
    );
    // Another agent can take it from the queue.
    const other = await connectAgent(server, AGENT);
    expect((await other.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    expect(await audited("user.deactivated")).toContainEqual(
      expect.objectContaining({ userId: eli.user.id, returnedHandoffs: 1 }),
    );
    expect(await audited("handoff.returned")).toContainEqual(
      expect.objectContaining({ reviewId: review.id }),
    );

    // Reactivated, they sign in again with the same password.
    expect((await api(server, "POST", `/api/people/${eli.user.id}/reactivate`, {}, supervisor)).status).toBe(
      200,
    );
    expect(
      (await api(server, "POST", "/api/auth/login", { email: "eli@example.com", password: eli.password }))
        .status,
    ).toBe(200);
  });

  it("refuses to deactivate your own account", async () => {
    const me = await api<{ user: Person }>(server, "GET", "/api/auth/me", undefined, supervisor);
    expect(
      (await api(server, "POST", `/api/people/${me.body.user.id}/deactivate`, {}, supervisor)).status,
    ).toBe(400);
  });
});

describe("passwords", () => {
  it("a reset stops the old password and every session at once; the link sets a new one and signs in", async () => {
    const fay = await join("fay@example.com");
    const res = await api(server, "POST", `/api/people/${fay.user.id}/password-reset`, {}, supervisor);
    expect(res.status).toBe(201);
    const reset = IssuedLink.parse(res.body);
    expect(reset.link).toMatchObject({ kind: "password_reset", userId: fay.user.id });
    expect((await api(server, "GET", "/api/auth/me", undefined, fay.token)).status).toBe(401);
    expect(
      (await api(server, "POST", "/api/auth/login", { email: "fay@example.com", password: fay.password }))
        .status,
    ).toBe(401);

    const accepted = await api(server, "POST", "/api/access-links/accept", {
      token: reset.token,
      password: "fays-new-password",
    });
    expect(LoginResponse.parse(accepted.body).user.id).toBe(fay.user.id);
    expect(await signIn({ email: "fay@example.com", password: "fays-new-password" })).toBeTruthy();
    expect(await audited("user.password_reset")).toContainEqual(
      expect.objectContaining({ userId: fay.user.id }),
    );
  });

  it("everyone changes their own name and password; the other sessions end, this one stays", async () => {
    const gus = await join("gus@example.com");
    const elsewhere = await signIn({ email: "gus@example.com", password: gus.password });
    const renamed = await api(server, "PATCH", "/api/me", { name: "Gus Grant" }, gus.token);
    expect(renamed.body).toMatchObject({ user: { name: "Gus Grant" } });
    expect((await api(server, "PATCH", "/api/me", { name: "" }, gus.token)).status).toBe(400);

    const changeTo = (currentPassword: string, newPassword: string) =>
      api(server, "POST", "/api/me/password", { currentPassword, newPassword }, gus.token);
    expect((await changeTo("nope", "gus-new-password")).status).toBe(403);
    expect((await changeTo(gus.password, "x")).status).toBe(400);
    const changed = await changeTo(gus.password, "gus-new-password");
    expect(changed.status).toBe(204);
    expect((await api(server, "GET", "/api/auth/me", undefined, gus.token)).status).toBe(200);
    expect((await api(server, "GET", "/api/auth/me", undefined, elsewhere)).status).toBe(401);
    expect(await signIn({ email: "gus@example.com", password: "gus-new-password" })).toBeTruthy();
    expect(await audited("user.password_changed")).toContainEqual(
      expect.objectContaining({ userId: gus.user.id, via: "own" }),
    );
  });
});
