import { z } from "zod";
import { RouteReason, Turn } from "@handoff/contracts";
import { HandoffResume, ReviewResume } from "./resume";

/** The input of a new run: one customer message, or the customer asking for a person. */
export const RunRequest = z.object({
  runId: z.string().min(1),
  conversationId: z.string().min(1),
  trigger: z.enum(["message", "human_request"]),
  question: z.string(),
  questionSeq: z.number().int().min(0),
  turns: z.array(Turn),
  summary: z.string(),
  replay: z.boolean().optional(),
  /**
   * The question waited behind a pending approval: it is answered on its own (not read as a follow-up
   * of the pending request), and `sentSince` holds the replies the customer got while it waited.
   */
  standalone: z.boolean().optional(),
  sentSince: z.array(z.string()).optional(),
  routeReason: RouteReason.optional(),
  failureReason: z.string().optional(),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** One piece of graph work: start a run, or resume a paused one with a person's decision. */
export const GraphJob = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("run"), request: RunRequest }),
  z.object({
    kind: z.literal("resume"),
    threadId: z.string().min(1),
    resume: z.union([ReviewResume, HandoffResume]),
  }),
]);
export type GraphJob = z.infer<typeof GraphJob>;

/** Where graph jobs run: in this thread, or in a worker thread on another core. */
export interface GraphRunner {
  execute(job: GraphJob): Promise<void>;
}
