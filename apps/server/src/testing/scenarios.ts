import type { Message } from "@handoff/contracts";
import { connectAgent, connectCustomer, type TestServer } from "./test-server";
import { nextReview } from "./wait-for";

/** A customer whose risky request waits for approval, and an agent who sees the review. */
export async function pendingApproval(server: TestServer, text = "Please cancel my subscription today.") {
  const agent = await connectAgent(server);
  const customer = await connectCustomer(server);
  const created = nextReview(
    agent.socket,
    "review:created",
    (r) => r.conversationId === customer.conversationId,
  );
  await customer.socket.emitWithAck("message:send", { clientId: "q1", text });
  const review = await created;
  if (review.kind !== "approval") throw new Error(`expected an approval, got ${review.kind}`);
  return { agent, customer, review };
}

/** A customer waiting in the human queue, and an agent who sees the handoff. */
export async function pendingHandoff(server: TestServer) {
  const agent = await connectAgent(server);
  const customer = await connectCustomer(server);
  const created = nextReview(
    agent.socket,
    "review:created",
    (r) => r.conversationId === customer.conversationId,
  );
  await customer.socket.emitWithAck("message:send", {
    clientId: "q1",
    text: "Can I speak with a human agent please",
  });
  const review = await created;
  if (review.kind !== "handoff") throw new Error(`expected a handoff, got ${review.kind}`);
  return { agent, customer, review };
}

/** Everything the customer can see, straight from the server. */
export async function customerTranscript(
  customer: Awaited<ReturnType<typeof connectCustomer>>,
): Promise<Message[]> {
  const sync = await customer.socket.emitWithAck("messages:sync", { since: 0 });
  if (!sync.ok) throw new Error(sync.error.message);
  return sync.data.messages;
}

/** Asks a question as a brand-new customer, waits for the bot, and returns how it was routed. */
export async function askAsNewCustomer(server: TestServer, text: string) {
  const customer = await connectCustomer(server);
  const { processed } = await server.platform.conversations.receiveCustomerMessage(customer.conversationId, {
    clientId: "q",
    text,
  });
  await processed;
  const [routed] = await server.platform.store.audit.list({
    conversationId: customer.conversationId,
    action: "message.routed",
    limit: 1,
  });
  const details = routed?.details ?? {};
  return {
    route: details.route,
    reason: details.reason,
    sources: Array.isArray(details.sources) ? details.sources : [],
  };
}
