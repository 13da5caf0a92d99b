import type { Article, Route } from "@handoff/contracts";
import { openSqliteStore } from "@handoff/store";
import { ConfigSchema } from "../app/config";
import { createPlatform } from "../app/create-platform";
import { newCorrection, type DraftModel } from "@handoff/core";
import type { EvalCase, EvalCorrection } from "./eval-files";

/** One evaluated question: where it went, how sure the bot was, what it cited and said. */
export interface EvalResult {
  id: string;
  route: Route;
  confidence: number;
  sources: string[];
  answer: string | null;
  reason: string | null;
}

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
  const conversation = await platform.conversations.startConversation({});
  const { processed } = await platform.conversations.receiveCustomerMessage(conversation.id, {
    clientId: `eval-${c.id}`,
    text: c.question,
  });
  await processed;
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
  return {
    id: c.id,
    route,
    confidence: scoreOf(details.confidence),
    sources: Array.isArray(details.sources) ? details.sources.filter((s) => typeof s === "string") : [],
    answer,
    reason: typeof details.reason === "string" ? details.reason : null,
  };
}

function routeOf(value: unknown): Route {
  return value === "auto" || value === "approval" ? value : "handoff";
}

function scoreOf(value: unknown): number {
  if (typeof value === "object" && value !== null && "score" in value && typeof value.score === "number") {
    return Number(value.score.toFixed(3));
  }
  return 0;
}
