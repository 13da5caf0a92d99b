import { randomUUID } from "node:crypto";
import { postMessage } from "../../conversation/post-message";
import { loadContext, messageRunId } from "../../conversation/run-input";
import type { ServiceHarness } from "../../conversation/testing/service-harness";
import type { RunRequest } from "../graph-job";
import type { InProcessGraphRunner } from "../in-process-runner";

/** Stores a customer question in a new conversation and runs the graph on it, as the service's intake would. */
export async function runQuestion(
  h: ServiceHarness,
  runner: InProcessGraphRunner,
  text: string,
): Promise<{ conversationId: string; runId: string; request: RunRequest }> {
  const asked = await askQuestion(h, text);
  await runner.execute({ kind: "run", request: asked.request });
  return asked;
}

/** Stores a customer question in a new conversation and returns the run request for it, not yet run. */
export async function askQuestion(
  h: ServiceHarness,
  text: string,
): Promise<{ conversationId: string; runId: string; request: RunRequest }> {
  const conversation = await h.store.conversations.create({ id: randomUUID(), customer: {} });
  const { message } = await postMessage(h.deps, {
    conversationId: conversation.id,
    clientId: randomUUID(),
    author: "customer",
    authorName: null,
    text,
    sources: [],
    internal: false,
  });
  const runId = messageRunId(message);
  const request: RunRequest = {
    runId,
    conversationId: conversation.id,
    trigger: "message",
    question: text,
    questionSeq: message.seq,
    ...(await loadContext(h.store, { conversationId: conversation.id, seq: message.seq })),
  };
  return { conversationId: conversation.id, runId, request };
}
