import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import { buildGraph, type SupportGraph } from "./build-graph";
import type { GraphDeps } from "./deps";
import type { GraphJob, GraphRunner } from "./graph-job";
import { StepScheduler } from "./step-scheduler";

/**
 * Runs graph jobs on the graph built here.
 *
 * Message runs checkpoint only when they end or pause ("exit"): each step's checkpoint was the largest
 * cost per message. A crash mid-run leaves no checkpoint, and recovery replays the run from the
 * customer's message (its side effects are idempotent, and a pause it had opened is reopened).
 * A person's request has no message to replay from, so its run checkpoints every step.
 * A resumed run keeps its paused checkpoint until it ends, so a crash mid-resume is resumed again.
 *
 * Concurrent jobs take their node steps in turn (StepScheduler): runs oldest first, and a resume, which a
 * person is waiting on, ahead of them.
 */
export class InProcessGraphRunner implements GraphRunner {
  readonly graph: SupportGraph;
  private readonly scheduler = new StepScheduler();

  constructor(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
    this.graph = buildGraph(deps, checkpointer, () => this.scheduler.turn());
  }

  /** Runs or resumes; a resume (a person is waiting on it) takes its steps before queued runs. */
  execute(job: GraphJob): Promise<void> {
    return this.scheduler.run(job.kind === "resume" ? "urgent" : "normal", () => this.invoke(job));
  }

  private async invoke(job: GraphJob): Promise<void> {
    if (job.kind === "run") {
      await this.graph.invoke(job.request, {
        configurable: { thread_id: job.request.runId },
        durability: job.request.trigger === "message" ? "exit" : "sync",
      });
      return;
    }
    await this.graph.invoke(new Command({ resume: job.resume }), {
      configurable: { thread_id: job.threadId },
      durability: "exit",
    });
  }
}
