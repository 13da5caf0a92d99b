import { describe, expect, it } from "vitest";
import type { Actor } from "@handoff/contracts";
import {
  ASK,
  SERVICE_TEST_TIMEOUT,
  useServiceHarness,
  type ServiceHarness,
  replies,
} from "../conversation/testing/service-harness";
import { InProcessGraphRunner } from "./in-process-runner";
import { askQuestion, runQuestion } from "./testing/run-question";
import { threadPosition } from "./thread-position";

// The graph on its own, on a real (in-memory) store: runs, pauses where its checkpoint says, resumes.

const AGENT: Actor = { type: "user", id: "agent-1", name: "Ada" };

const harness = useServiceHarness();

const position = (h: ServiceHarness, runner: InProcessGraphRunner, threadId: string) =>
  threadPosition(h.deps.checkpointer, threadId);

describe("the support graph", SERVICE_TEST_TIMEOUT, () => {
  it("answers a question it can and saves no checkpoint, as nothing is left to resume", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.auto);
    expect(await position(h, runner, runId)).toEqual({ kind: "none" });
    expect(await h.store.reviews.listByConversation(conversationId)).toEqual([]);
    expect((await replies(h, conversationId)).map((m) => m.author)).toEqual(["bot"]);
  });

  it("pauses on the approval it opened, and a resume with the decision sends the draft and ends", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.approval);
    const [review] = await h.store.reviews.listByConversation(conversationId);
    expect(review?.kind).toBe("approval");
    expect(review?.threadId).toBe(runId);
    expect(await position(h, runner, runId)).toEqual({ kind: "paused", reviewId: review?.id });
    expect(await replies(h, conversationId)).toEqual([]);

    await runner.execute({
      kind: "resume",
      threadId: runId,
      resume: { decision: { type: "approve" }, actor: AGENT },
    });
    expect(await position(h, runner, runId)).toEqual({ kind: "ended" });
    const draft = review?.kind === "approval" ? review.packet.draft.text : "";
    expect((await replies(h, conversationId)).map((m) => m.text)).toEqual([draft]);
  });

  it("starts a run at its first node: an approval's pause is saved after step 0 (answer), no input step before it", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { runId } = await runQuestion(h, runner, ASK.approval);
    const snapshot = await runner.graph.getState({ configurable: { thread_id: runId } });
    expect(snapshot.next).toEqual(["review"]);
    // Invoked with the request as input, LangGraph runs its __start__ task as step 0 and answer as step 1.
    expect(snapshot.metadata?.step).toBe(0);
  });

  it("pauses on a handoff until a person ends it", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.handoff);
    const [review] = await h.store.reviews.listByConversation(conversationId);
    expect(review?.kind).toBe("handoff");
    expect(await position(h, runner, runId)).toEqual({ kind: "paused", reviewId: review?.id });
    expect((await h.store.conversations.get(conversationId))?.status).toBe("waiting_human");
  });

  it("reads a thread that never saved a checkpoint as none (a crashed message run is replayed from it)", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    expect(await position(h, runner, "never-ran")).toEqual({ kind: "none" });
  });

  it("finishes a resume sent after thirty queued runs before any of them", async () => {
    const h = harness();
    const runner = new InProcessGraphRunner(h.deps, h.deps.checkpointer);
    const { conversationId, runId } = await runQuestion(h, runner, ASK.approval);
    const queued = await Promise.all(Array.from({ length: 30 }, () => askQuestion(h, ASK.auto)));

    const finished: string[] = [];
    const runs = queued.map(({ request }, i) =>
      runner.execute({ kind: "run", request }).then(() => finished.push(`run ${i}`)),
    );
    const resume = runner
      .execute({ kind: "resume", threadId: runId, resume: { decision: { type: "approve" }, actor: AGENT } })
      .then(() => finished.push("resume"));
    await Promise.all([...runs, resume]);

    // In arrival order it would be 31st; its steps go before every queued run's.
    expect(finished[0]).toBe("resume");
    expect((await replies(h, conversationId)).map((m) => m.author)).toEqual(["bot"]);
  });
});
