import { AuditEntry, Review, type ReviewDecision } from "@handoff/contracts";
import { AGENT, type TestServer } from "./test-server";

/** One decided draft of a seeded history: the confidence it was routed with and what a person did. */
export interface SeededDecision {
  parts: Record<string, number>;
  score: number;
  decision: "approve" | "edit" | "reject" | "takeover";
  routeReason?: string;
}

const decisionOf = (kind: SeededDecision["decision"]): ReviewDecision =>
  kind === "edit"
    ? { type: "edit", text: "Edited by the agent." }
    : kind === "reject"
      ? { type: "reject", reason: "Wrong article." }
      : { type: kind };

/**
 * A deployment's history as core stores it: per decision, the routing audit event and the decided
 * approval review whose packet keeps the confidence parts; plus `autoSent` messages the bot answered
 * alone. Decisions are dated a minute apart, oldest first.
 */
export async function seedDecisionHistory(
  server: TestServer,
  decisions: readonly SeededDecision[],
  autoSent: readonly { parts: Record<string, number>; score: number }[] = [],
): Promise<void> {
  const agent = await server.platform.store.users.findByEmail(AGENT.email);
  if (!agent) throw new Error("the test server has no agent account");
  const start = Date.now() - (decisions.length + 1) * 60_000;
  for (const [i, d] of decisions.entries()) {
    const id = `seed-refit-${i}`;
    const at = new Date(start + i * 60_000).toISOString();
    const routeReason = d.routeReason ?? "medium_confidence";
    // Parsed by the audit contract, so the seeded details are what a routed message records.
    await server.platform.store.audit.append(
      AuditEntry.parse({
        actor: { type: "system", id: null, name: "seed" },
        action: "message.routed",
        conversationId: null,
        details: {
          round: 0,
          route: "approval",
          reason: routeReason,
          confidence: { score: d.score, parts: d.parts },
        },
      }),
    );
    await server.platform.store.reviews.create(
      Review.parse({
        id,
        conversationId: id,
        threadId: id,
        status: "pending",
        assigneeId: null,
        assigneeName: null,
        createdAt: at,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        decidedAt: null,
        decidedBy: null,
        kind: "approval",
        decision: null,
        packet: {
          conversationId: id,
          question: `Seeded question ${i}`,
          recentTurns: [],
          draft: { id: `${id}-draft`, text: `Seeded draft ${i}`, sources: [] },
          alternatives: [],
          confidence: { score: d.score, parts: d.parts },
          reasoning: "seeded",
          sources: [],
          riskFlags: [],
          routeReason,
          guidance: [],
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      }),
    );
    await server.platform.store.reviews.decide(id, ["pending"], decisionOf(d.decision), agent.user.id);
  }
  for (const a of autoSent)
    await server.platform.store.audit.append(
      AuditEntry.parse({
        actor: { type: "system", id: null, name: "seed" },
        action: "message.routed",
        conversationId: null,
        details: { round: 0, route: "auto", reason: "high_confidence", confidence: a },
      }),
    );
}

/**
 * Forty decisions where the model's own confidence tells a right draft from a wrong one (approved
 * drafts at 0.75-0.95, changed ones at 0.2-0.5), the other signals alike, and ten auto-sent answers.
 */
export function separableHistory(): {
  decisions: SeededDecision[];
  autoSent: { parts: Record<string, number>; score: number }[];
} {
  const parts = (model: number) => ({ model, retrieval: 0.6, margin: 0.5, coverage: 0.7, rules: 1 });
  const decisions: SeededDecision[] = Array.from({ length: 40 }, (_, i) => {
    const right = i % 2 === 0;
    const model = right ? 0.75 + (i % 5) * 0.05 : 0.2 + (i % 7) * 0.05;
    const wrong = (["edit", "reject", "takeover"] as const)[i % 3] ?? "edit";
    return { parts: parts(model), score: 0.5, decision: right ? "approve" : wrong };
  });
  const autoSent = Array.from({ length: 10 }, () => ({ parts: parts(0.95), score: 0.9 }));
  return { decisions, autoSent };
}
