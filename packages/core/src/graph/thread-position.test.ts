import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@handoff/contracts";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  useServiceHarness,
  type ServiceHarness,
} from "../conversation/testing/service-harness";
import type { SupportGraph } from "./build-graph";
import { InProcessGraphRunner } from "./in-process-runner";
import { pauseId } from "./pause-id";
import { runQuestion } from "./testing/run-question";
import { threadPosition, type ThreadPosition } from "./thread-position";

// threadPosition reads LangGraph's checkpoint itself; LangGraph's own reading (getState, which plans
// the next tasks from the compiled graph) is the reference it must agree with in every position.

const AGENT: Actor = { type: "user", id: "agent-1", name: "Ada" };

const harness = useServiceHarness();

/** The position as LangGraph's getState tells it. */
async function positionByGraph(graph: SupportGraph, threadId: string): Promise<ThreadPosition> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  if (snapshot.createdAt === undefined) return { kind: "none" };
  const paused = snapshot.tasks.find((t) => t.interrupts.length > 0);
  if (paused) {
    if (paused.name !== "review" && paused.name !== "handoff") return { kind: "stopped" };
    const { runId, round } = snapshot.values;
    return { kind: "paused", reviewId: pauseId({ runId, round }, paused.name) };
  }
  return snapshot.next.length === 0 ? { kind: "ended" } : { kind: "stopped" };
}

async function expectAgreement(h: ServiceHarness, runner: InProcessGraphRunner, threadId: string) {
  const read = await threadPosition(h.deps.checkpointer, threadId);
  expect(read).toEqual(await positionByGraph(runner.graph, threadId));
  return read;
}

describe("reading where a thread stands from its checkpoint", SERVICE_TEST_TIMEOUT, () => {
  it("agrees with LangGraph on a paused approval, and on the ended run its resume leaves", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.approval);
    const [review] = await h.store.reviews.listByConversation(conversationId);
    expect(await expectAgreement(h, runner, runId)).toEqual({ kind: "paused", reviewId: review?.id });

    await runner.execute({
      kind: "resume",
      threadId: runId,
      resume: { decision: { type: "approve" }, actor: AGENT },
    });
    expect(await expectAgreement(h, runner, runId)).toEqual({ kind: "ended" });
  });

  it("agrees with LangGraph on a paused handoff", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.handoff);
    const [review] = await h.store.reviews.listByConversation(conversationId);
    expect(review?.kind).toBe("handoff");
    expect(await expectAgreement(h, runner, runId)).toEqual({ kind: "paused", reviewId: review?.id });
  });

  it("agrees with LangGraph on a thread with no checkpoint", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { runId } = await runQuestion(h, runner, ASK.auto);
    expect(await expectAgreement(h, runner, runId)).toEqual({ kind: "none" });
    expect(await expectAgreement(h, runner, "never-ran")).toEqual({ kind: "none" });
  });

  it("agrees with LangGraph on a person's request that stopped between steps", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { request } = await runQuestion(h, runner, ASK.auto);
    // A person's request checkpoints every step; one for a conversation that is gone fails in its step.
    const runId = randomUUID();
    await expect(
      runner.execute({
        kind: "run",
        request: { ...request, runId, trigger: "human_request", conversationId: "gone" },
      }),
    ).rejects.toThrow();
    expect(await expectAgreement(h, runner, runId)).toEqual({ kind: "stopped" });
  });
});
