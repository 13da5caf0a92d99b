import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { getContextVariable, setContextVariable } from "@langchain/core/context";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import {
  Annotation,
  Command,
  END,
  getConfig,
  interrupt,
  MemorySaver,
  START,
  StateGraph,
} from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { installLeanRunContext } from "./lean-run-context";

// LangGraph reads a node's config, interrupts and context variables through the run context this
// replaces; a small graph of its own shows each still works, and that handlers still see every run.

installLeanRunContext();

const State = Annotation.Root({
  seen: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
});

class RecordingHandler extends BaseCallbackHandler {
  name = "recording";
  readonly started: string[] = [];
  override handleChainStart(
    _chain: unknown,
    _inputs: unknown,
    _runId: string,
    _parent?: string,
    _tags?: string[],
    _metadata?: Record<string, unknown>,
    _runType?: string,
    runName?: string,
  ): void {
    if (runName) this.started.push(runName);
  }
}

function pausingGraph() {
  return new StateGraph(State)
    .addNode("ask", () => {
      const thread = getConfig().configurable?.thread_id;
      const answer: unknown = interrupt("approve?");
      return {
        seen: [
          `thread ${String(thread)}`,
          `answer ${String(answer)}`,
          `variable ${String(getContextVariable("tenant"))}`,
        ],
      };
    })
    .addEdge(START, "ask")
    .addEdge("ask", END)
    .compile({ checkpointer: new MemorySaver() });
}

describe("LangChain's run context without run trees", () => {
  it("is installed: a runnable's config is carried without a LangSmith run tree", async () => {
    const config = { tags: ["t"] };
    const inside = await AsyncLocalStorageProviderSingleton.runWithConfig(config, async () => ({
      store: AsyncLocalStorageProviderSingleton.getInstance().getStore(),
      config: AsyncLocalStorageProviderSingleton.getRunnableConfig(),
    }));
    expect(inside.store).not.toHaveProperty("trace_id");
    expect(inside.config).toBe(config);
  });

  it("still gives a node its config and context variables, and pauses and resumes it", async () => {
    const graph = pausingGraph();
    const config = { configurable: { thread_id: "thread-1" } };
    setContextVariable("tenant", "acme");
    await graph.invoke({}, config);
    expect((await graph.getState(config)).next).toEqual(["ask"]);

    const done = await graph.invoke(new Command({ resume: "yes" }), config);
    expect(done.seen).toEqual(["thread thread-1", "answer yes", "variable acme"]);
  });

  it("still reports every run to a callback handler a caller passes", async () => {
    const handler = new RecordingHandler();
    const config = { configurable: { thread_id: "thread-2" }, callbacks: [handler] };
    await pausingGraph().invoke({}, config);
    expect(handler.started).toContain("ask");
  });
});
