import type { Route } from "@handoff/contracts";

/** One customer question in flight, and the timestamps (performance.now) of its steps. */
export interface Question {
  text: string;
  expected: Route;
  sentAt: number;
  /** Sent inside the measured window: only these feed the latency figures. */
  measured: boolean;
  /** The route the server took, as first seen by the widget or a console. */
  observed: Route | null;
  /** An agent approved the draft at this time. */
  approvedAt: number | null;
  /** An agent sent a live reply at this time. */
  agentReplyAt: number | null;
  /** The agent handed the conversation back to the bot. */
  released: boolean;
}
