import type { Route, RouteReason } from "@handoff/contracts";
import { applyRiskSettings, decideRoute } from "../../policy";
import type { GraphDeps } from "../deps";
import type { GraphStateValue, StateChanges } from "../state";
import { pauseId } from "../pause-id";

/** Picks auto / approval / handoff from confidence, risk rules and settings, and audits the decision. */
export const routeNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<StateChanges> => {
    // A run re-played after a crash that had already opened its pause goes back to that pause, whatever
    // a model would say this time: the person deciding it must decide what the customer will get.
    const opened = state.replay ? await openedPause(deps, state) : null;
    if (opened)
      return {
        chosenRoute: opened.kind === "approval" ? "approval" : "handoff",
        routeReason: opened.packet.routeReason,
      };
    const settings = await deps.settings();
    const thresholds = (state.category && settings.categoryThresholds[state.category]) || settings.thresholds;
    const flags = applyRiskSettings(state.flags, state.question, settings);
    const chosen = chooseRoute({ ...state, flags }, thresholds);
    // Shadow mode: the bot still drafts, but a person sends everything until the category earns trust.
    const shadow =
      chosen.route === "auto" &&
      state.category !== null &&
      settings.shadowCategories.includes(state.category);
    const { route, reason } = shadow
      ? { route: "approval" as const, reason: "shadow_mode" as const }
      : chosen;
    await deps.store.audit.append({
      actor: { type: "system", id: null, name: deps.model.name },
      action: "message.routed",
      conversationId: state.conversationId,
      details: {
        runId: state.runId,
        round: state.round,
        category: state.category,
        route,
        reason,
        confidence: state.confidence,
        flags,
        thresholds,
        sources: state.drafts[0]?.sources.map((s) => s.id) ?? [],
      },
    });
    return {
      flags,
      chosenRoute: route,
      routeReason: reason,
      failureReason: route === "handoff" ? failureText(reason, { ...state, flags }) : null,
    };
  };

async function openedPause(deps: GraphDeps, state: GraphStateValue) {
  const [approval, handoff] = await Promise.all([
    deps.store.reviews.get(pauseId(state, "review")),
    deps.store.reviews.get(pauseId(state, "handoff")),
  ]);
  return handoff ?? approval;
}

function chooseRoute(
  state: GraphStateValue,
  thresholds: { auto: number; review: number },
): { route: Route; reason: RouteReason } {
  if (state.modelError || !state.confidence) return { route: "handoff", reason: "model_error" };
  const decided = decideRoute({
    confidence: state.confidence,
    flags: state.flags,
    outOfScope: state.outOfScope,
    thresholds,
  });
  // A person asked for a redraft: the new draft goes back to them rather than straight out.
  if (decided.route === "auto" && state.guidance.length > 0)
    return { route: "approval", reason: "guided_redraft" };
  // Nothing to approve means nothing a reviewer could send: a person has to answer.
  if (decided.route !== "handoff" && state.drafts.length === 0)
    return { route: "handoff", reason: "low_confidence" };
  return decided;
}

function failureText(reason: RouteReason, state: GraphStateValue): string {
  const flags = state.flags.map((f) => `${f.category} ("${f.evidence}")`).join(", ");
  switch (reason) {
    case "model_error":
      return `The model failed: ${state.modelError ?? "no confidence could be computed"}.`;
    case "human_request":
      return "The customer asked to talk to a person.";
    case "risk_rule":
      return `A risk rule requires a person: ${flags}.`;
    case "out_of_scope":
      return "The question is outside what the help center covers.";
    default:
      return `Confidence ${state.confidence?.score.toFixed(2) ?? "?"} is below the review threshold.`;
  }
}
