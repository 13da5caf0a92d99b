import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Review } from "@handoff/contracts";
import { Assignments, Person, Team } from "@handoff/contracts";
import {
  api,
  connectAgent,
  connectCustomer,
  customerTranscript,
  movableClock,
  nextConversation,
  nextOffer,
  nextReview,
  startTestServer,
  storeVariants,
  SUPERVISOR,
  type ConsoleSocket,
  type TestServer,
} from "../testing";

let server: TestServer;
let clock: ReturnType<typeof movableClock>;
let supervisor: string;

type Agent = Awaited<ReturnType<typeof connectAgent>>;

/** New agents, each signed in with the console open. */
async function agents(...names: string[]): Promise<Agent[]> {
  const made: Agent[] = [];
  for (const name of names) {
    const who = { email: `${name.toLowerCase()}@example.com`, password: `${name}-password-1` };
    await server.platform.auth.createUser({ ...who, name, role: "agent" });
    made.push(await connectAgent(server, who));
  }
  return made;
}

/** A team taking every category, with these members in this order. */
async function team(members: Agent[], offerSeconds = 30) {
  const res = await api(
    server,
    "POST",
    "/api/teams",
    {
      name: "Support",
      categories: [],
      hours: null,
      members: members.map((m) => ({ userId: m.user.id })),
      offerSeconds,
    },
    supervisor,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return z.object({ team: Team }).parse(res.body).team;
}

/** A new customer who asks for a person; the handoff once it exists. */
async function newHandoff() {
  const customer = await connectCustomer(server);
  const { processed } = await server.platform.conversations.receiveCustomerMessage(customer.conversationId, {
    clientId: "q1",
    text: "Can I speak with a human agent please",
  });
  await processed;
  const [review] = (await server.platform.store.reviews.listByStatus(["pending"], 100)).filter(
    (r) => r.conversationId === customer.conversationId,
  );
  if (review?.kind !== "handoff") throw new Error("expected a waiting handoff");
  return { customer, review };
}

/** Waits for the offer of a handoff that is about to be made, and returns who got it. */
async function offeredTo(people: Agent[], make: () => Promise<{ review: Review }>) {
  const offers = people.map((p) =>
    nextOffer(p.socket, () => true, 8000).then(
      (offer) => ({ person: p, offer }),
      () => null,
    ),
  );
  const { review } = await make();
  const first = await Promise.race(offers.map((o) => o.then((r) => r ?? new Promise<never>(() => {}))));
  expect(first.offer.reviewId).toBe(review.id);
  return { ...first, review };
}

const accept = (socket: ConsoleSocket, reviewId: string) =>
  socket.emitWithAck("handoff:accept", { reviewId });
const setAvailability = (who: Agent, body: unknown) =>
  api(server, "PATCH", "/api/me/availability", body, who.token);
const assignments = async () =>
  Assignments.parse((await api(server, "GET", "/api/assignments", undefined, supervisor)).body);
const offerOf = (reviewId: string) => server.platform.store.offers.get(reviewId);
/** A supervisor (or whoever `token` is) gives a handoff to someone. */
const assign = (reviewId: string, body: unknown, token = supervisor) =>
  api(server, "POST", `/api/handoffs/${reviewId}/assign`, body, token);

describe.each(storeVariants("assignment"))("on $name", (variant) => {
  beforeEach(async () => {
    clock = movableClock();
    server = await startTestServer({ overrides: { ...(await variant.overrides()), clock } });
    supervisor = (await connectAgent(server, SUPERVISOR)).token;
  });
  afterEach(async () => {
    await server.dispose();
  });

  describe("auto-assignment", () => {
    it("goes round the team when everyone is equally loaded, wrapping around", async () => {
      const [ana, ben, cy] = await agents("Ana", "Ben", "Cy");
      await team([ana!, ben!, cy!]);
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        const { person, review } = await offeredTo([ana!, ben!, cy!], newHandoff);
        order.push(person.user.name);
        const accepted = await accept(person.socket, review.id);
        expect(accepted.ok && accepted.data.review).toMatchObject({
          status: "claimed",
          assigneeId: person.user.id,
        });
        // Resolved at once, so everyone is back to holding nothing.
        const released = await person.socket.emitWithAck("handoff:release", {
          conversationId: review.conversationId,
          outcome: "resolved",
        });
        expect(released.ok).toBe(true);
      }
      expect(order).toEqual(["Ana", "Ben", "Cy", "Ana"]);
    });

    it("offers a new handoff to the least-loaded available member", async () => {
      const [ana, ben, cy] = await agents("Ana", "Ben", "Cy");
      await team([ana!, ben!, cy!]);
      // A supervisor gives Ana two and Ben one; Cy holds nothing.
      for (const who of [ana!, ana!, ben!]) {
        const { review } = await offeredTo([ana!, ben!, cy!], newHandoff);
        const res = await assign(review.id, { userId: who.user.id });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      expect((await offeredTo([ana!, ben!, cy!], newHandoff)).person.user.name).toBe("Cy");
      // Cy's offer counts as load: Ben and Cy now both have one, Ana two; Cy had the last offer, so Ben.
      expect((await offeredTo([ana!, ben!, cy!], newHandoff)).person.user.name).toBe("Ben");
    });

    it("skips people at their capacity, away, offline or without the console open", async () => {
      const [full, away, offline, closed, free] = await agents("Full", "Away", "Offline", "Closed", "Free");
      await team([full!, away!, offline!, closed!, free!]);
      expect((await setAvailability(full!, { capacity: 1 })).status).toBe(200);
      expect((await setAvailability(away!, { availability: "away" })).status).toBe(200);
      expect((await setAvailability(offline!, { availability: "offline" })).status).toBe(200);
      closed!.socket.disconnect();
      // Full takes one and is then at capacity.
      const first = await offeredTo([full!, free!], newHandoff);
      expect(first.person.user.name).toBe("Full");
      expect((await accept(full!.socket, first.review.id)).ok).toBe(true);
      const second = await offeredTo([full!, away!, offline!, free!], newHandoff);
      expect(second.person.user.name).toBe("Free");
      // Free has an offer waiting (it counts as load); capacity 3 leaves room for the next one too.
      expect((await offeredTo([full!, away!, offline!, free!], newHandoff)).person.user.name).toBe("Free");
    });

    it("moves an unanswered offer to the next member when its time runs out, and a declined one at once", async () => {
      const [ana, ben, cy] = await agents("Ana", "Ben", "Cy");
      await team([ana!, ben!, cy!], 5);
      const { review, person } = await offeredTo([ana!, ben!, cy!], newHandoff);
      expect(person.user.name).toBe("Ana");
      const withdrawn = new Promise((resolve) => ana!.socket.once("handoff:offer_withdrawn", resolve));
      const toBen = nextOffer(ben!.socket, (o) => o.reviewId === review.id, 5000);
      clock.advanceMinutes(1);
      expect(await withdrawn).toEqual({ reviewId: review.id });
      expect((await toBen).tried).toEqual([ana!.user.id, ben!.user.id]);
      // Too late for Ana.
      const late = await accept(ana!.socket, review.id);
      expect(!late.ok && late.error.code).toBe("conflict");

      const toCy = nextOffer(cy!.socket, (o) => o.reviewId === review.id);
      expect((await ben!.socket.emitWithAck("handoff:decline", { reviewId: review.id })).ok).toBe(true);
      expect((await toCy).userId).toBe(cy!.user.id);
      expect((await cy!.socket.emitWithAck("handoff:decline", { reviewId: review.id })).ok).toBe(true);

      // Everyone was asked: it waits in the queue with no offer, and a newcomer does not re-ask them.
      await expect.poll(() => offerOf(review.id)).toBeNull();
      // Ana opens a second console (a connection offers what waits), but she was asked already.
      await connectAgent(server, { email: "ana@example.com", password: "Ana-password-1" });
      await new Promise((r) => setTimeout(r, 300));
      expect(await offerOf(review.id)).toBeNull();
      expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
      const actions = (
        await server.platform.store.audit.list({ conversationId: review.conversationId, limit: 50 })
      )
        .map((e) => e.action)
        .filter((a) => a === "handoff.offered" || a === "handoff.declined");
      expect(actions.reverse()).toEqual([
        "handoff.offered",
        "handoff.offered",
        "handoff.declined",
        "handoff.offered",
        "handoff.declined",
      ]);
    });

    it("still lets anyone claim from the queue; the offer ends and its person is told", async () => {
      const [ana, ben] = await agents("Ana", "Ben");
      await team([ana!]);
      const { review } = await offeredTo([ana!], newHandoff);
      const withdrawn = new Promise((resolve) => ana!.socket.once("handoff:offer_withdrawn", resolve));
      const claimed = await ben!.socket.emitWithAck("handoff:claim", { reviewId: review.id });
      expect(claimed.ok && claimed.data.review.assigneeId).toBe(ben!.user.id);
      expect(await withdrawn).toEqual({ reviewId: review.id });
      expect(await offerOf(review.id)).toBeNull();
      const refused = await accept(ana!.socket, review.id);
      expect(!refused.ok && refused.error.code).toBe("conflict");
    });

    it("offers a waiting handoff to someone who becomes available, and passes an away person's offers on", async () => {
      const [ana, ben] = await agents("Ana", "Ben");
      await setAvailability(ana!, { availability: "away" });
      await setAvailability(ben!, { availability: "away" });
      await team([ana!, ben!]);
      const { review } = await newHandoff();
      expect(await offerOf(review.id)).toBeNull();
      const toAna = nextOffer(ana!.socket, (o) => o.reviewId === review.id);
      expect((await setAvailability(ana!, { availability: "available" })).body).toMatchObject({
        user: { availability: "available" },
      });
      await toAna;
      await setAvailability(ben!, { availability: "available" });
      const toBen = nextOffer(ben!.socket, (o) => o.reviewId === review.id);
      await setAvailability(ana!, { availability: "offline" });
      await toBen;
      const listed = await ben!.socket.emitWithAck("offers:list", {});
      expect(listed.ok && listed.data.offers.map((o) => o.reviewId)).toEqual([review.id]);
    });
  });

  describe("supervisors", () => {
    it("see who holds what and what waits with whose offer", async () => {
      const [ana, ben] = await agents("Ana", "Ben");
      await team([ana!, ben!]);
      const held = await offeredTo([ana!, ben!], newHandoff);
      await accept(held.person.socket, held.review.id);
      const waiting = await offeredTo([ana!, ben!], newHandoff);
      const view = await assignments();
      const byName = new Map(view.agents.map((a) => [a.name, a]));
      expect(byName.get("Ana")).toMatchObject({
        availability: "available",
        online: true,
        capacity: 3,
        holding: [{ reviewId: held.review.id }],
      });
      expect(byName.get("Ben")?.holding).toEqual([]);
      expect(view.waiting.find((w) => w.reviewId === waiting.review.id)?.offer?.userId).toBe(ben!.user.id);
      const agentLooks = await api(server, "GET", "/api/assignments", undefined, ana!.token);
      expect(agentLooks.status).toBe(403);
    });

    it("reassign a held handoff to another agent: audited, pushed, and told to the customer", async () => {
      const [ana, ben] = await agents("Ana", "Ben");
      await team([ana!]);
      const { review, customer } = await newHandoff();
      expect((await accept(ana!.socket, review.id)).ok).toBe(true);
      const moved = nextReview(
        ben!.socket,
        "review:updated",
        (r) => r.id === review.id && r.assigneeId === ben!.user.id,
      );
      const seen = nextConversation(customer.socket, (c) => c.assigneeName === "Ben");
      const res = await assign(review.id, { userId: ben!.user.id });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await moved;
      expect((await seen).status).toBe("human");
      expect((await customerTranscript(customer)).at(-1)?.notice).toEqual({
        kind: "agent.joined",
        agentName: "Ben",
      });
      const [event] = await server.platform.store.audit.list({ action: "handoff.reassigned", limit: 1 });
      expect(event).toMatchObject({
        actor: { name: "Sam Supervisor" },
        details: { reviewId: review.id, from: { id: ana!.user.id }, to: { id: ben!.user.id, name: "Ben" } },
      });
      // Ana no longer holds it: her message is refused; Ben's goes through.
      const anaSends = await ana!.socket.emitWithAck("message:send", {
        conversationId: review.conversationId,
        clientId: "a1",
        text: "Still here?",
      });
      expect(anaSends.ok).toBe(false);
      const again = await assign(review.id, { userId: ben!.user.id });
      expect(again.status).toBe(409);
    });

    it("assign a waiting handoff, ending the offer of whoever had it", async () => {
      const [ana, ben] = await agents("Ana", "Ben");
      await team([ana!]);
      const { review } = await offeredTo([ana!], newHandoff);
      const withdrawn = new Promise((resolve) => ana!.socket.once("handoff:offer_withdrawn", resolve));
      const res = await assign(review.id, { userId: ben!.user.id });
      expect(res.body).toMatchObject({ review: { status: "claimed", assigneeId: ben!.user.id } });
      await withdrawn;
      expect(await offerOf(review.id)).toBeNull();
    });
  });

  describe("bad input", () => {
    it("refuses bad availability changes with a 400 and changes nothing", async () => {
      const [ana] = await agents("Ana");
      for (const body of [
        {},
        { availability: "asleep" },
        { capacity: 0 },
        { capacity: 51 },
        { capacity: 2.5 },
        { capacity: "3" },
        null,
      ]) {
        expect((await setAvailability(ana!, body)).status, JSON.stringify(body)).toBe(400);
      }
      expect(Person.parse(await server.platform.store.users.get(ana!.user.id))).toMatchObject({
        availability: "available",
        capacity: 3,
      });
    });

    it("refuses a bad assignment with a clear status and moves nothing", async () => {
      const [ana] = await agents("Ana");
      await team([ana!]);
      const { review } = await offeredTo([ana!], newHandoff);
      expect((await assign(review.id, {})).status).toBe(400);
      expect((await assign(review.id, { userId: 42 })).status).toBe(400);
      expect((await assign(review.id, { userId: "nobody" })).status).toBe(400);
      expect((await assign("no-such-review", { userId: ana!.user.id })).status).toBe(404);
      const asAgent = await assign(review.id, { userId: ana!.user.id }, ana!.token);
      expect(asAgent.status).toBe(403);
      expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
      expect((await offerOf(review.id))?.userId).toBe(ana!.user.id);
    });

    it("answers malformed offer events over the socket with bad_request", async () => {
      const [ana] = await agents("Ana");
      for (const event of ["handoff:accept", "handoff:decline"] as const) {
        // @ts-expect-error: deliberately malformed payload
        const ack = await ana!.socket.emitWithAck(event, { reviewId: 7 });
        expect(!ack.ok && ack.error.code).toBe("bad_request");
      }
      // @ts-expect-error: deliberately malformed payload
      const listed = await ana!.socket.emitWithAck("offers:list", "all");
      expect(!listed.ok && listed.error.code).toBe("bad_request");
      const unknown = await accept(ana!.socket, "no-such-review");
      expect(!unknown.ok && unknown.error.code).toBe("conflict");
    });
  });
});
