import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import { buildGraph, startRun, type SupportGraph } from "./build-graph";
import type { GraphDeps } from "./deps";
import type { GraphJob, GraphRunner } from "./graph-job";
import { installLeanRunContext } from "./lean-run-context";
import { PauseOnlySaver } from "./pause-only-saver";
import { StepScheduler } from "./step-scheduler";

/**
 * Runs graph jobs on the graph built here.
 *
 * Message runs checkpoint only when they pause ("exit", through PauseOnlySaver): each step's checkpoint
 * was the largest cost per message, and a run that ends without pausing holds nothing to resume (its
 * stored reply says it ended). A crash mid-run leaves no checkpoint, and recovery replays the run from
 * the customer's message (its side effects are idempotent, and a pause it had opened is reopened).
 * A person's request has no message to replay from, so its run checkpoints every step.
 * A resumed run keeps its paused checkpoint until it ends, so a crash mid-resume is resumed again.
 *
 * Concurrent jobs take their node steps in turn (StepScheduler): runs oldest first, and a resume, which a
 * person is waiting on, ahead of them.
 */
export class InProcessGraphRunner implements GraphRunner {
  readonly graph: SupportGraph;
  private readonly scheduler = new StepScheduler();
  private readonly saver: PauseOnlySaver;

  constructor(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
    installLeanRunContext();
    this.saver = new PauseOnlySaver(checkpointer);
    this.graph = buildGraph(deps, this.saver, () => this.scheduler.turn());
  }

  /** Runs or resumes; a resume (a person is waiting on it) takes its steps before queued runs. */
  execute(job: GraphJob): Promise<void> {
    return this.scheduler.run(job.kind === "resume" ? "urgent" : "normal", () => this.invoke(job));
  }

  private async invoke(job: GraphJob): Promise<void> {
    if (job.kind === "run" && job.request.trigger === "message") {
      const threadId = job.request.runId;
      this.saver.hold(threadId);
      let failed = true;
      try {
        await this.graph.invoke(startRun(job.request), {
          configurable: { thread_id: threadId },
          durability: "exit",
        });
        failed = false;
      } finally {
        await this.saver.release(threadId, failed);
      }
      return;
    }
    if (job.kind === "run") {
      await this.graph.invoke(startRun(job.request), {
        configurable: { thread_id: job.request.runId },
        durability: "sync",
      });
      return;
    }
    await this.graph.invoke(new Command({ resume: job.resume }), {
      configurable: { thread_id: job.threadId },
      durability: "exit",
    });
  }
}
