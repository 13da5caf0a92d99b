import { z } from "zod";
import {
  Conversation,
  ErrorCode,
  HandoffUnavailable,
  Message,
  Review,
  TypingEvent,
} from "@handoff/contracts";
import { GraphJob } from "@handoff/core";

/** A Notifier call made by the graph in the worker, replayed on the main thread where the sockets are. */
export const NotifierEvent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("messageCreated"), message: Message }),
  z.object({
    kind: z.literal("conversationUpdated"),
    conversation: Conversation,
    change: z.enum(["state", "activity"]),
  }),
  z.object({ kind: z.literal("reviewCreated"), review: Review }),
  z.object({ kind: z.literal("reviewUpdated"), review: Review }),
  z.object({ kind: z.literal("typing"), event: TypingEvent }),
  z.object({ kind: z.literal("handoffUnavailable"), event: HandoffUnavailable }),
  z.object({ kind: z.literal("conversationErased"), conversationId: z.string() }),
]);
export type NotifierEvent = z.infer<typeof NotifierEvent>;

/** Main thread -> worker. */
export const ToWorker = z.discriminatedUnion("type", [
  z.object({ type: z.literal("job"), id: z.number().int(), job: GraphJob }),
  /** A supervisor changed the settings: drop the cached copy. */
  z.object({ type: z.literal("settings-changed") }),
  /** Articles or approved corrections changed: reload the search index. */
  z.object({ type: z.literal("knowledge-changed") }),
  z.object({ type: z.literal("close") }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Why a job failed, enough to raise the same kind of error on the main thread. */
export const JobError = z.object({ name: z.string(), message: z.string(), code: ErrorCode.optional() });
export type JobError = z.infer<typeof JobError>;

/** Worker -> main thread. Events of a job always arrive before its `done`. */
export const FromWorker = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("notify"), event: NotifierEvent }),
  z.object({ type: z.literal("done"), id: z.number().int() }),
  z.object({ type: z.literal("failed"), id: z.number().int(), error: JobError }),
  /** Something went wrong outside any job; the main thread logs it. */
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
