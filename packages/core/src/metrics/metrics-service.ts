import type {
  AuditEvent,
  AuditEventOf,
  Metrics,
  MetricsQuery,
  Recommendation,
  Settings,
} from "@handoff/contracts";
import type { Store } from "../ports";
import { quantile, rate, readingTimeMs } from "./stats";

const MAX_EVENTS = 100_000;
const RELAX_MIN_REVIEWS = 50;
const RELAX_UNMODIFIED = 0.95;
const ATTENTION_MODIFIED = 0.3;
const ATTENTION_MIN_REVIEWS = 10;
const STEP = 0.05;

type Routed = AuditEventOf<"message.routed">;
type Decided = AuditEventOf<"review.decided">;

const decisionType = (e: Decided): string | null => e.details.decision?.type ?? null;

/** The category an event is about, for the actions that record one. */
const categoryOf = (e: AuditEvent): string | null | undefined => {
  switch (e.action) {
    case "message.routed":
    case "review.decided":
    case "message.rated":
    case "conversation.rated":
      return e.details.category;
    default:
      return undefined;
  }
};

/** Computes the supervisor dashboard and threshold recommendations from the audit log and reviews. */
export class MetricsService {
  constructor(private readonly store: Store) {}

  async compute(query: MetricsQuery): Promise<Metrics> {
    const events = await this.events(query);
    const routed = events.flatMap((e) =>
      e.action === "message.routed" && (e.details.round ?? 0) === 0 ? [e] : [],
    );
    const count = (route: string) => routed.filter((e) => e.details.route === route).length;
    const escalationsByReason: Record<string, number> = {};
    for (const e of routed) {
      if (e.details.route === "auto") continue;
      const reason = e.details.reason ?? "unknown";
      escalationsByReason[reason] = (escalationsByReason[reason] ?? 0) + 1;
    }
    const decisions = events.flatMap((e) => (e.action === "review.decided" ? [e] : []));
    const byType = (t: string) => decisions.filter((e) => decisionType(e) === t).length;
    const approved = byType("approve");
    const edited = byType("edit") + byType("choose");
    const rejected = byType("reject");
    const waits = decisions.flatMap((e) =>
      e.actor.type === "user" ? [finite(e.details.waitedMs) ?? 0] : [],
    );
    const stamps = decisions.filter(
      (e) =>
        decisionType(e) === "approve" &&
        e.actor.type === "user" &&
        (finite(e.details.waitedMs) ?? 0) < readingTimeMs(finite(e.details.draftWords) ?? 0),
    );
    const shadow = decisions.filter((e) => e.details.routeReason === "shadow_mode");
    const firstReplies = await this.handoffFirstReplies(query);
    const scores = events.flatMap((e) => {
      const score = e.action === "conversation.rated" ? e.details.score : undefined;
      return score !== undefined ? [score] : [];
    });
    const thumbs = (rating: string) =>
      events.filter((e) => e.action === "message.rated" && e.details.rating === rating).length;
    return {
      messages: routed.length,
      automationRate: rate(count("auto"), routed.length),
      routes: { auto: count("auto"), approval: count("approval"), handoff: count("handoff") },
      escalationsByReason,
      decisions: {
        total: decisions.length,
        approved,
        edited,
        rejected,
        other: decisions.length - approved - edited - rejected,
        approvalRate: rate(approved, decisions.length),
        editRate: rate(edited, decisions.length),
        rejectionRate: rate(rejected, decisions.length),
      },
      pauseToDecision: { medianMs: quantile(waits, 0.5), p90Ms: quantile(waits, 0.9), count: waits.length },
      handoffToFirstReply: {
        medianMs: quantile(firstReplies, 0.5),
        p90Ms: quantile(firstReplies, 0.9),
        count: firstReplies.length,
      },
      rubberStamps: { count: stamps.length, share: rate(stamps.length, approved) },
      shadowAgreementRate: rate(shadow.filter((e) => decisionType(e) === "approve").length, shadow.length),
      corrections: {
        created: events.filter((e) => e.action === "correction.created").length,
        approved: events.filter((e) => e.action === "correction.reviewed" && e.details.status === "approved")
          .length,
      },
      ratings: {
        count: scores.length,
        average: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
        distribution: [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length),
        thumbsUp: thumbs("up"),
        thumbsDown: thumbs("down"),
      },
      daily: daily(routed),
    };
  }

  /**
   * Per category: drafts approved unmodified more than 95% of the time over at least 50 reviews can be
   * relaxed; modified more than 30% of the time need attention (a stricter auto threshold).
   */
  async recommendations(settings: Settings): Promise<Recommendation[]> {
    const decisions = (await this.events({})).flatMap((e) =>
      e.action === "review.decided" && e.actor.type === "user" ? [e] : [],
    );
    const byCategory = new Map<string, Decided[]>();
    for (const e of decisions) {
      const category = e.details.category;
      if (category) byCategory.set(category, [...(byCategory.get(category) ?? []), e]);
    }
    const out: Recommendation[] = [];
    for (const [category, list] of byCategory) {
      const unmodified = list.filter((e) => decisionType(e) === "approve").length / list.length;
      const modified =
        list.filter((e) => ["edit", "choose", "guide", "reject"].includes(decisionType(e) ?? "")).length /
        list.length;
      const current = settings.categoryThresholds[category] ?? settings.thresholds;
      const base = {
        category,
        reviews: list.length,
        unmodifiedRate: round(unmodified),
        modifiedRate: round(modified),
        current,
      };
      if (list.length >= RELAX_MIN_REVIEWS && unmodified > RELAX_UNMODIFIED) {
        const auto = round(Math.max(current.review + STEP, current.auto - STEP));
        if (auto < current.auto) {
          out.push({
            ...base,
            kind: "relax",
            suggested: { auto, review: current.review },
            explanation: `${Math.round(unmodified * 100)}% of ${list.length} drafts were approved unchanged: more of them can go out automatically.`,
          });
        }
      } else if (list.length >= ATTENTION_MIN_REVIEWS && modified > ATTENTION_MODIFIED) {
        out.push({
          ...base,
          kind: "attention",
          suggested: { auto: round(Math.min(0.99, current.auto + STEP)), review: current.review },
          explanation: `${Math.round(modified * 100)}% of ${list.length} drafts were changed by a person: send fewer automatically and check the help center.`,
        });
      }
    }
    return out;
  }

  private async events(query: MetricsQuery): Promise<AuditEvent[]> {
    // The period is filtered by the store (indexed by time); the category lives in details.
    const inPeriod = await this.store.audit.list({ from: query.from, to: query.to, limit: MAX_EVENTS });
    return inPeriod.filter((e) => !query.category || categoryOf(e) === query.category);
  }

  private async handoffFirstReplies(query: MetricsQuery): Promise<number[]> {
    const reviews = await this.store.reviews.listByStatus(
      ["pending", "claimed", "decided", "expired"],
      10_000,
    );
    const handoffs = reviews.filter(
      (r) =>
        r.kind === "handoff" &&
        (!query.from || r.createdAt >= query.from) &&
        (!query.to || r.createdAt <= query.to) &&
        (!query.category || r.packet.category === query.category),
    );
    const times: number[] = [];
    for (const h of handoffs) {
      const messages = await this.store.messages.listSince(h.conversationId, 0);
      const reply = messages.find((m) => m.author === "agent" && !m.internal && m.createdAt >= h.createdAt);
      if (reply) times.push(Date.parse(reply.createdAt) - Date.parse(h.createdAt));
    }
    return times;
  }
}

const round = (n: number) => Number(n.toFixed(2));
const finite = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isFinite(n) ? n : undefined;

function daily(routed: Routed[]): Metrics["daily"] {
  const days = new Map<string, Metrics["daily"][number]>();
  for (const e of routed) {
    const date = e.at.slice(0, 10);
    const day = days.get(date) ?? { date, messages: 0, auto: 0, approval: 0, handoff: 0 };
    day.messages += 1;
    if (e.details.route) day[e.details.route] += 1;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
