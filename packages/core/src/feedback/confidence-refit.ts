import {
  Confidence,
  type Actor,
  type FitOutcome,
  type FittedConfidence,
  type RefitPreview,
  type RefitQuery,
  type RefitRouting,
  type Settings,
  type Thresholds,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import { decisionSamples, numericParts, type DecisionSample } from "../policy/fit/decision-samples";
import { DEFAULT_FIT_OPTIONS, fitConfidence, probabilityOf } from "../policy/fit/fit-confidence";
import { SCORE_DECIDED_REASONS, type FitSample } from "../policy/fit/fit-sample";
import type { Store } from "../ports";
import type { SettingsService } from "../settings-service";

/** Fewer decisions than this, or fewer of either kind, say too little to fit on. */
export const REFIT_MIN_DECISIONS = 30;
export const REFIT_MIN_EACH = 5;
const MAX_REVIEWS = 20_000;
const MAX_EVENTS = 100_000;

/** A routed message of the period: the parts its confidence had, and whether the score decided its route. */
interface RoutedMessage {
  parts: Record<string, number>;
  score: number;
  route: string;
  eligible: boolean;
}

/**
 * Refits the confidence from a deployment's own decisions (approved unchanged = right; edited,
 * rejected, taken over = wrong), previews what it would change, and applies it when a supervisor
 * says so: the fit goes into the settings with its thresholds, so the graph scores with it.
 */
export class ConfidenceRefitService {
  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The fit the period's decisions support, and the routing now and with it; nothing is changed. */
  async preview(query: RefitQuery): Promise<RefitPreview> {
    const settings = await this.settings.get();
    const reviews = (await this.store.reviews.listByStatus(["decided"], MAX_REVIEWS)).filter(
      (r) => (!query.from || r.createdAt >= query.from) && (!query.to || r.createdAt <= query.to),
    );
    const { samples, counts } = decisionSamples(reviews);
    const messages = await this.routedMessages(query);
    const current = currentRouting(settings.thresholds, messages, samples);
    const blocked = blockedBecause(counts);
    const base = {
      from: query.from ?? null,
      to: query.to ?? null,
      messages: messages.length,
      decisions: counts,
    };
    if (blocked) return { ...base, current, proposed: null, blocked };
    const model = fitConfidence(samples, { ...DEFAULT_FIT_OPTIONS, fittedAt: this.clock().toISOString() });
    return {
      ...base,
      current,
      proposed: { model, heldOut: pooled(model.validation), ...proposedRouting(model, messages, samples) },
      blocked: null,
    };
  }

  /**
   * Applies a previewed fit: its thresholds become the global ones and the graph scores with its
   * weights. Audited (the settings change, and the refit with what it was fitted on).
   */
  async apply(model: FittedConfidence, actor: Actor): Promise<Settings> {
    const known = Object.keys(Confidence.shape.parts.shape);
    const unknown = model.features.filter((f) => !known.includes(f));
    if (unknown.length > 0)
      throw new DomainError(
        "bad_request",
        `the fit uses signals the confidence does not have: ${unknown.join(", ")}`,
      );
    const settings = await this.settings.update(
      { thresholds: model.thresholds, fittedConfidence: model },
      actor,
    );
    await this.store.audit.append({
      actor,
      action: "confidence.refitted",
      conversationId: null,
      details: {
        features: model.features,
        weights: model.weights,
        bias: model.bias,
        thresholds: model.thresholds,
        trainedOn: model.trainedOn,
        fittedAt: model.fittedAt,
      },
    });
    return settings;
  }

  private async routedMessages(query: RefitQuery): Promise<RoutedMessage[]> {
    const events = await this.store.audit.list({
      action: "message.routed",
      from: query.from,
      to: query.to,
      limit: MAX_EVENTS,
    });
    return events.flatMap((e) => {
      // Redrafts after a person's guidance are not new messages.
      if (e.action !== "message.routed" || (e.details.round ?? 0) !== 0) return [];
      const { confidence, reason = "", route = "handoff" } = e.details;
      return [
        {
          parts: confidence ? numericParts(confidence.parts) : {},
          score: confidence ? confidence.score : 0,
          route,
          eligible: !!confidence && SCORE_DECIDED_REASONS.has(reason),
        },
      ];
    });
  }
}

function blockedBecause(counts: { total: number; approved: number }): string | null {
  const changed = counts.total - counts.approved;
  if (counts.total < REFIT_MIN_DECISIONS)
    return `${counts.total} decisions in this period; a refit needs at least ${REFIT_MIN_DECISIONS}.`;
  if (counts.approved < REFIT_MIN_EACH)
    return `${counts.approved} drafts approved unchanged; a refit needs at least ${REFIT_MIN_EACH}.`;
  if (changed < REFIT_MIN_EACH)
    return `${changed} drafts changed, rejected or taken over; a refit needs at least ${REFIT_MIN_EACH}.`;
  return null;
}

/** Today's routing: what was auto-sent, and the reviewed drafts today's threshold would send. */
function currentRouting(
  thresholds: Thresholds,
  messages: readonly RoutedMessage[],
  samples: readonly DecisionSample[],
): RefitRouting {
  const sent = samples.filter((s) => s.eligible && s.score >= thresholds.auto);
  return routing(thresholds, messages.filter((m) => m.route === "auto").length, messages.length, sent);
}

/** The routing with a fit: the messages it would auto-send, and the reviewed drafts it would send. */
function proposedRouting(
  model: FittedConfidence,
  messages: readonly RoutedMessage[],
  samples: readonly FitSample[],
): RefitRouting {
  const auto = messages.filter((m) => m.eligible && probabilityOf(model, m.parts) >= model.thresholds.auto);
  const sent = samples.filter((s) => s.eligible && probabilityOf(model, s.parts) >= model.thresholds.auto);
  return routing(model.thresholds, auto.length, messages.length, sent);
}

function routing(thresholds: Thresholds, auto: number, messages: number, sent: readonly FitSample[]) {
  const wrong = sent.filter((s) => !s.right).length;
  return {
    thresholds,
    automation: messages ? auto / messages : 0,
    reviewedSent: sent.length,
    reviewedWrong: wrong,
    errorRate: sent.length ? wrong / sent.length : 0,
  };
}

/** The held-out folds added up: every sample scored once, by a fit that did not see it. */
function pooled(folds: readonly FitOutcome[]): FitOutcome {
  const sum = (key: keyof FitOutcome) => folds.reduce((s, f) => s + f[key], 0);
  const answerable = sum("answerable");
  const autoSent = sum("autoSent");
  const autoRight = sum("autoRight");
  return {
    samples: sum("samples"),
    answerable,
    autoSent,
    autoRight,
    autoWrong: sum("autoWrong"),
    riskyAutoSent: sum("riskyAutoSent"),
    automation: answerable ? autoRight / answerable : 1,
    precision: autoSent ? autoRight / autoSent : 1,
  };
}
