import { describe, expect, it } from "vitest";
import { emptyCheckpoint, uuid6, type Checkpoint } from "@langchain/langgraph-checkpoint";
import type { StoreContext } from "./context";
import { uniqueId } from "./fixtures";

/** A checkpoint with some state, as a paused graph would leave it. */
export function sampleCheckpoint(values: Record<string, unknown>): Checkpoint {
  return {
    ...emptyCheckpoint(),
    id: uuid6(-1),
    channel_values: values,
    channel_versions: Object.fromEntries(Object.keys(values).map((k) => [k, 1])),
  };
}

/** The LangGraph checkpointer handed out next to the store. */
export function describeCheckpointer(ctx: StoreContext): void {
  describe("checkpointer", () => {
    it("returns the latest checkpoint of a thread with its metadata", async () => {
      const threadId = uniqueId("thread");
      const config = { configurable: { thread_id: threadId, checkpoint_ns: "" } };
      const first = sampleCheckpoint({ turns: ["hi"] });
      const saved = await ctx.checkpointer.put(
        config,
        first,
        { source: "input", step: -1, parents: {} },
        first.channel_versions,
      );
      const second = sampleCheckpoint({ turns: ["hi", "refund?"], summary: "asks about refunds" });
      await ctx.checkpointer.put(
        saved,
        second,
        { source: "loop", step: 0, parents: {} },
        second.channel_versions,
      );

      const tuple = await ctx.checkpointer.getTuple({ configurable: { thread_id: threadId } });
      expect(tuple?.checkpoint).toEqual(second);
      expect(tuple?.metadata).toMatchObject({ source: "loop", step: 0 });
      expect(tuple?.parentConfig?.configurable?.checkpoint_id).toBe(first.id);
      expect(
        await ctx.checkpointer.getTuple({ configurable: { thread_id: uniqueId("thread") } }),
      ).toBeUndefined();
    });

    it("keeps pending writes (such as an interrupt) with their checkpoint", async () => {
      const threadId = uniqueId("thread");
      const checkpoint = sampleCheckpoint({ turns: ["refund?"] });
      const saved = await ctx.checkpointer.put(
        { configurable: { thread_id: threadId, checkpoint_ns: "" } },
        checkpoint,
        { source: "loop", step: 1, parents: {} },
        checkpoint.channel_versions,
      );
      await ctx.checkpointer.putWrites(
        saved,
        [["__interrupt__", { value: { reviewId: "review-1" } }]],
        "task-1",
      );
      const tuple = await ctx.checkpointer.getTuple(saved);
      expect(tuple?.pendingWrites).toEqual([
        ["task-1", "__interrupt__", { value: { reviewId: "review-1" } }],
      ]);
    });
  });
}
