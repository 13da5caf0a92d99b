import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { Conversation } from "@handoff/contracts";
import { DomainError } from "../errors";
import type { GraphDeps, GraphRunner, HandoffResume, ReviewResume, RunRequest } from "../graph";
import type { Logger } from "../ports";
import type { ExclusiveRunner } from "./conversation-lease";
import type { FreshMessages } from "./fresh-messages";
import type { KeyedQueue } from "./keyed-queue";

/** What the service needs: the graph's dependencies plus where checkpoints go. */
export interface ConversationServiceDeps extends GraphDeps {
  checkpointer: BaseCheckpointSaver;
  /** With several instances on one store: a conversation's work runs on one instance at a time. */
  exclusive?: ExclusiveRunner;
  /** Where runs execute (a worker thread, say); by default the graph built here runs them. */
  runner?: GraphRunner;
  /** Where recovery reports a conversation it could not finish (with its id); silent by default. */
  logger?: Logger;
}

/**
 * The parts the conversation service's pieces share: the per-conversation queue every piece of work
 * on one conversation goes through, and where runs execute.
 */
export interface Engine {
  deps: ConversationServiceDeps;
  queue: KeyedQueue;
  runner: GraphRunner;
  logger: Logger;
  /** Messages stored here and not yet settled (single instance only; see FreshMessages). */
  fresh?: FreshMessages;
}

/** The conversation, or a not_found refusal. */
export async function getConversation(engine: Engine, conversationId: string): Promise<Conversation> {
  const conversation = await engine.deps.store.conversations.get(conversationId);
  if (!conversation) throw new DomainError("not_found", "conversation not found");
  return conversation;
}

/** Starts a run (a customer message, or the customer asking for a person). */
export function runGraph(engine: Engine, request: RunRequest): Promise<void> {
  return engine.runner.execute({ kind: "run", request });
}

/** Resumes a paused thread with a person's decision. */
export function resumeGraph(engine: Engine, threadId: string, resume: ReviewResume | HandoffResume) {
  return engine.runner.execute({ kind: "resume", threadId, resume });
}

/** Whether a thread has a checkpoint: a message run saves one when it pauses or ends. */
export async function hasRun(engine: Engine, threadId: string): Promise<boolean> {
  return (await engine.deps.checkpointer.getTuple({ configurable: { thread_id: threadId } })) !== undefined;
}
