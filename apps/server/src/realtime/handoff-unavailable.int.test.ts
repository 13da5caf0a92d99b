import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "@handoff/core";
import type { HandoffUnavailable } from "@handoff/contracts";
import { connectAgent, connectCustomer, pendingHandoff, startTestServer, type TestServer } from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

type Customer = Awaited<ReturnType<typeof connectCustomer>>;

/** Every `handoff:unavailable` a customer receives, collected from now on. */
function collectUnavailable(customer: Customer): HandoffUnavailable[] {
  const seen: HandoffUnavailable[] = [];
  customer.socket.on("handoff:unavailable", (event) => seen.push(event));
  return seen;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("telling a waiting customer nobody can take the chat", () => {
  it("asking for a person with no agent online offers the email form at once", async () => {
    const server = await startTestServer();
    servers.push(server);
    const customer = await connectCustomer(server);
    const unavailable = new Promise<HandoffUnavailable>((resolve) =>
      customer.socket.on("handoff:unavailable", resolve),
    );
    await customer.socket.emitWithAck("handoff:request", {});
    expect(await unavailable).toEqual({ conversationId: customer.conversationId, reason: "no_agents" });
  });

  it("with an agent online the customer just waits in the queue", async () => {
    const server = await startTestServer();
    servers.push(server);
    await connectAgent(server);
    const customer = await connectCustomer(server);
    const seen = collectUnavailable(customer);
    await customer.socket.emitWithAck("handoff:request", {});
    await settle();
    expect(seen).toEqual([]);
  });

  it("a handoff nobody claims before its deadline tells the customer once, however often the deadline is checked", async () => {
    let offset = 0;
    const clock: Clock = { now: () => new Date(Date.now() + offset) };
    const server = await startTestServer({ overrides: { clock } });
    servers.push(server);
    const { customer } = await pendingHandoff(server);
    const seen = collectUnavailable(customer);
    offset = 60 * 60_000;
    await server.platform.conversations.applyDueDeadlines();
    await server.platform.conversations.applyDueDeadlines();
    // A round trip on the customer's socket: the notices sent before it have arrived by its answer.
    await customer.socket.emitWithAck("messages:sync", { since: 0 });
    expect(seen).toEqual([{ conversationId: customer.conversationId, reason: "timeout" }]);
  });
});
