import { Annotation } from "@langchain/langgraph";
import type { Actor, Confidence, Draft, RiskFlag, Route, RouteReason, Turn } from "@handoff/contracts";
import type { ModelDraft, RetrievalResult } from "../ports";

/** Why this run exists: a customer question, or the customer asking for a person directly. */
export type RunTrigger = "message" | "human_request";

/** Who takes over when a review ends in a takeover. */
export interface Assignee {
  id: string;
  name: string;
}

/** What happened at the end of a run, for the caller and the audit log. */
export interface RunOutcome {
  kind: "sent" | "handed_back" | "resolved" | "rejected";
  text: string | null;
  by: Actor;
}

const last = <T>(initial: T) => Annotation<T>({ reducer: (_old, next) => next, default: () => initial });

/**
 * The checkpointed state of one run (one customer message). It is JSON-serialisable and bounded:
 * the caller passes only the recent turns and a summary, never the whole history.
 */
export const GraphState = Annotation.Root({
  /** One run per customer message (or request for a person); also the checkpoint thread id. */
  runId: Annotation<string>(),
  conversationId: Annotation<string>(),
  trigger: last<RunTrigger>("message"),
  /** Recovery is replaying a run whose checkpoint a crash lost (it may have opened its pause already). */
  replay: last<boolean>(false),
  /** The question waited behind a pending approval: answered on its own, not as a follow-up. */
  standalone: last<boolean>(false),
  /** Replies the customer got while the question waited; a draft repeating one is never offered. */
  sentSince: last<string[]>([]),
  question: Annotation<string>(),
  /** The question's language (ISO 639-1), null when too short to tell; shown in the packets. */
  language: last<string | null>(null),
  questionSeq: last<number>(0),
  turns: last<Turn[]>([]),
  summary: last<string>(""),
  /** Reviewer instructions collected over guide rounds. */
  guidance: last<string[]>([]),
  /** Bumped by each guide round so every redraft gets a review of its own. */
  round: last<number>(0),
  retrieval: last<RetrievalResult | null>(null),
  /** Article link template from settings at draft time (`{id}` is replaced). */
  helpCenterUrl: last<string | null>(null),
  modelDraft: last<ModelDraft | null>(null),
  drafts: last<Draft[]>([]),
  /** Every draft shown to a person during this run, for the handoff packet. */
  attempted: last<Draft[]>([]),
  reasoning: last<string>(""),
  category: last<string | null>(null),
  outOfScope: last<boolean>(false),
  modelError: last<string | null>(null),
  flags: last<RiskFlag[]>([]),
  confidence: last<Confidence | null>(null),
  chosenRoute: last<Route | null>(null),
  routeReason: last<RouteReason | null>(null),
  /** Set when a review ends with an agent taking the conversation over. */
  takeoverBy: last<Assignee | null>(null),
  /** Why a handoff happened, in words for the agent. */
  failureReason: last<string | null>(null),
  outcome: last<RunOutcome | null>(null),
});

/** The state as nodes read it. */
export type GraphStateValue = typeof GraphState.State;
/** A partial update a node returns. */
export type GraphStateUpdate = typeof GraphState.Update;
/** New values for some channels, as plain values (every channel keeps the last value written). */
export type StateChanges = Partial<GraphStateValue>;
