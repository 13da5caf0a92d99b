import { z } from "zod";
import { ErrorCode, PlatformEvent } from "@handoff/contracts";
import { GraphJob } from "@handoff/core";

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
  /** The message-reading libraries (language detector, lexicons, tagger) are loaded. */
  z.object({ type: z.literal("warm") }),
  /** What the graph published, forwarded as it is to the main thread where the sockets are. */
  z.object({ type: z.literal("notify"), event: PlatformEvent }),
  z.object({ type: z.literal("done"), id: z.number().int() }),
  z.object({ type: z.literal("failed"), id: z.number().int(), error: JobError }),
  /** Something went wrong outside any job; the main thread logs it. */
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
