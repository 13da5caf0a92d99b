import type { Article, Route } from "@handoff/contracts";
import { openSqliteStore } from "@handoff/store";
import { ConfigSchema } from "../app/config";
import { createPlatform } from "../app/create-platform";
import { newCorrection, type DraftModel } from "@handoff/core";
import { z } from "zod";
import type { EvalCase, EvalCorrection } from "./eval-files";

/** A risk flag as the routing audit recorded it (read loosely: new categories must not drop it). */
export const EvalFlag = z.object({ category: z.string(), forces: z.string(), evidence: z.string() });
export type EvalFlag = z.infer<typeof EvalFlag>;

/**
 * One evaluated question: where it went and why, how sure the bot was and from which signals (the
 * confidence parts, read by name so new signals appear without a change here), which risk flags fired,
 * what the first draft cited and said, and how long the graph took.
 */
export interface EvalResult {
  id: string;
  route: Route;
  confidence: number;
  parts: Record<string, number>;
  reason: string | null;
  flags: EvalFlag[];
  sources: string[];
  answer: string | null;
  ms: number;
}

const AuditedConfidence = z.object({ score: z.number(), parts: z.record(z.string(), z.number()) });

const SYSTEM = { type: "system" as const, id: null, name: "eval" };

/**
 * Runs every case through the real graph as a new conversation, on a fresh in-memory store holding
 * the articles and (as approved) the corrections.
 */
export async function runEval(input: {
  articles: Article[];
  cases: EvalCase[];
  corrections?: EvalCorrection[];
  model?: DraftModel;
}): Promise<EvalResult[]> {
  const config = ConfigSchema.parse({ LOG_LEVEL: "silent" });
  const platform = await createPlatform(config, {
    storage: await openSqliteStore({ file: ":memory:" }),
    ...(input.model ? { model: input.model } : {}),
  });
  try {
    await platform.knowledge.importArticles(input.articles, SYSTEM);
    for (const c of input.corrections ?? []) {
      await platform.store.corrections.create(
        newCorrection({
          id: c.id,
          question: c.question,
          answer: c.answer,
          status: "approved",
          reason: "loaded for evaluation",
        }),
      );
    }
    await platform.knowledge.refreshCorrections();
    const results: EvalResult[] = [];
    for (const c of input.cases) results.push(await evaluateCase(platform, c));
    return results;
  } finally {
    await platform.close();
  }
}

async function evaluateCase(
  platform: Awaited<ReturnType<typeof createPlatform>>,
  c: EvalCase,
): Promise<EvalResult> {
  const started = performance.now();
  const conversation = await platform.conversations.startConversation({});
  const { processed } = await platform.conversations.receiveCustomerMessage(conversation.id, {
    clientId: `eval-${c.id}`,
    text: c.question,
  });
  await processed;
  const ms = performance.now() - started;
  const [routed] = await platform.store.audit.list({
    conversationId: conversation.id,
    action: "message.routed",
    limit: 1,
  });
  const details = routed?.details ?? {};
  const route = routeOf(details.route);
  const messages = await platform.store.messages.listSince(conversation.id, 0);
  const reviews = await platform.store.reviews.listByConversation(conversation.id);
  const review = reviews[0];
  const botReply = messages.find((m) => m.author === "bot");
  const answer =
    route === "auto"
      ? (botReply?.text ?? null)
      : review?.kind === "approval"
        ? review.packet.draft.text
        : (review?.packet.attempted[0]?.text ?? null);
  const confidence = AuditedConfidence.safeParse(details.confidence);
  const flags = z.array(EvalFlag).safeParse(details.flags);
  return {
    id: c.id,
    route,
    confidence: confidence.success ? round3(confidence.data.score) : 0,
    parts: confidence.success ? confidence.data.parts : {},
    reason: typeof details.reason === "string" ? details.reason : null,
    flags: flags.success ? flags.data : [],
    sources: Array.isArray(details.sources) ? details.sources.filter((s) => typeof s === "string") : [],
    answer,
    ms: Math.round(ms * 10) / 10,
  };
}

function routeOf(value: unknown): Route {
  return value === "auto" || value === "approval" ? value : "handoff";
}

function round3(value: number): number {
  return Number(value.toFixed(3));
}
